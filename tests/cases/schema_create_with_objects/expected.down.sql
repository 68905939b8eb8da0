-- hazard data-loss: drops table billing.invoices and every row in it
DROP TABLE billing.invoices;

DROP TYPE billing.currency;

DROP SCHEMA billing;
