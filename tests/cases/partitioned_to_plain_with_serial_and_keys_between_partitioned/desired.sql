CREATE TABLE public.orders (
    id serial,
    region text NOT NULL,
    ref text,
    UNIQUE (region, id)
);

CREATE TABLE public.shipments (
    order_id integer,
    region text NOT NULL,
    UNIQUE (region, order_id)
);

ALTER TABLE public.shipments ADD CONSTRAINT shipments_order FOREIGN KEY (region, order_id)
    REFERENCES public.orders (region, id);
ALTER TABLE public.orders ADD CONSTRAINT orders_shipment FOREIGN KEY (region, id)
    REFERENCES public.shipments (region, order_id);
