ALTER TABLE public.orders DROP CONSTRAINT orders_shipment;

ALTER TABLE public.shipments DROP CONSTRAINT shipments_order;

-- hazard data-loss: drops table public.orders and every row in it
-- hazard needs-data: table public.orders goes while public.orders_eu, public.orders_us, public.shipments, public.shipments_eu appear: if they take its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.orders;

CREATE SEQUENCE public.orders_id_seq AS integer;

-- hazard needs-data: re-creates table public.orders empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.orders (
    id integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL,
    region text NOT NULL,
    ref text,
    CONSTRAINT orders_region_id_key UNIQUE (region, id)
) PARTITION BY LIST (region);

ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;

-- hazard data-loss: drops table public.shipments and every row in it
-- hazard needs-data: table public.shipments goes while public.orders, public.orders_eu, public.orders_us, public.shipments_eu appear: if they take its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.shipments;

-- hazard needs-data: re-creates table public.shipments empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.shipments (
    order_id integer,
    region text NOT NULL,
    CONSTRAINT shipments_region_order_id_key UNIQUE (region, order_id)
) PARTITION BY LIST (region);

ALTER TABLE public.orders ADD CONSTRAINT orders_shipment FOREIGN KEY (region, id) REFERENCES public.shipments(region, order_id);

CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');

CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us');

ALTER TABLE public.shipments ADD CONSTRAINT shipments_order FOREIGN KEY (region, order_id) REFERENCES public.orders(region, id);

CREATE TABLE public.shipments_eu PARTITION OF public.shipments FOR VALUES IN ('eu');
