DROP VIEW app.order_totals;

DROP FUNCTION app.next_invoice();

-- hazard data-loss: drops table app.orders and every row in it
DROP TABLE app.orders;

DROP SEQUENCE app.invoice_no;

DROP SCHEMA app;
