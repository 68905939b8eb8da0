ALTER TABLE public.orders DROP CONSTRAINT orders_shipment;

ALTER TABLE public.shipments DROP CONSTRAINT shipments_order;

-- hazard data-loss: drops table public.orders and every row in it
-- hazard needs-data: table public.orders goes while public.shipments appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.orders;

CREATE SEQUENCE public.orders_id_seq AS integer;

CREATE TABLE public.orders (
    id integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL,
    region text NOT NULL,
    ref text,
    CONSTRAINT orders_region_id_key UNIQUE (region, id)
);

ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;

-- hazard data-loss: drops table public.shipments and every row in it
-- hazard needs-data: table public.shipments goes while public.orders appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.shipments;

CREATE TABLE public.shipments (
    order_id integer,
    region text NOT NULL,
    CONSTRAINT shipments_region_order_id_key UNIQUE (region, order_id)
);

ALTER TABLE public.orders ADD CONSTRAINT orders_shipment FOREIGN KEY (region, id) REFERENCES public.shipments(region, order_id);

ALTER TABLE public.shipments ADD CONSTRAINT shipments_order FOREIGN KEY (region, order_id) REFERENCES public.orders(region, id);
