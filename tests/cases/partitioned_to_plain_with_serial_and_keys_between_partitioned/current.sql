-- Two partitioned tables with foreign keys both ways become plain tables:
-- each is created again, its serial sequence with it, and the keys after.
-- PostgreSQL's clones of a key to a partitioned table (one per partition it
-- references) are not the tree's and are never diffed.
CREATE TABLE public.orders (
    id serial,
    region text NOT NULL,
    ref text,
    UNIQUE (region, id)
) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us');

CREATE TABLE public.shipments (
    order_id integer,
    region text NOT NULL,
    UNIQUE (region, order_id)
) PARTITION BY LIST (region);
CREATE TABLE public.shipments_eu PARTITION OF public.shipments FOR VALUES IN ('eu');

ALTER TABLE public.shipments ADD CONSTRAINT shipments_order FOREIGN KEY (region, order_id)
    REFERENCES public.orders (region, id);
ALTER TABLE public.orders ADD CONSTRAINT orders_shipment FOREIGN KEY (region, id)
    REFERENCES public.shipments (region, order_id);
