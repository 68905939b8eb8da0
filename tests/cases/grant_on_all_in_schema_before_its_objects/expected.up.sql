CREATE SCHEMA app;

GRANT USAGE ON SCHEMA app TO authenticated;

CREATE SEQUENCE app.invoice_no;

GRANT SELECT, USAGE ON SEQUENCE app.invoice_no TO authenticated;

CREATE SEQUENCE app.orders_id_seq;

GRANT SELECT, USAGE ON SEQUENCE app.orders_id_seq TO authenticated;

CREATE TABLE app.orders (
    id bigint DEFAULT nextval('app.orders_id_seq'::regclass) NOT NULL,
    total numeric(12,2) NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id)
);

ALTER SEQUENCE app.orders_id_seq OWNED BY app.orders.id;

GRANT SELECT ON TABLE app.orders TO authenticated;

CREATE OR REPLACE FUNCTION app.next_invoice()
 RETURNS bigint
 LANGUAGE sql
AS $function$ SELECT nextval('app.invoice_no') $function$;

REVOKE EXECUTE ON FUNCTION app.next_invoice() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app.next_invoice() TO authenticated;

CREATE VIEW app.order_totals AS
 SELECT count(*) AS orders,
    sum(orders.total) AS total
   FROM app.orders;

GRANT SELECT ON TABLE app.order_totals TO authenticated;
