-- A partitioned index goes and the partition keeps an index of its own with
-- the name its attached copy had: the copy goes with the parent's index (it
-- cannot be dropped alone), and the partition's own is created after.
CREATE TABLE public.orders (id integer, region text, placed date) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us');
CREATE INDEX orders_by_region_id ON public.orders (region, id);
