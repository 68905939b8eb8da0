CREATE TABLE app.orders (
    id bigserial PRIMARY KEY,
    total numeric(12, 2) NOT NULL
);

CREATE VIEW app.order_totals AS SELECT count(*) AS orders, sum(total) AS total FROM app.orders;

CREATE SEQUENCE app.invoice_no;

CREATE FUNCTION app.next_invoice() RETURNS bigint
    LANGUAGE sql AS $$ SELECT nextval('app.invoice_no') $$;
