CREATE TABLE public.orders (id integer, region text, placed date) PARTITION BY LIST (region);
CREATE TABLE public.orders_eu PARTITION OF public.orders FOR VALUES IN ('eu');
CREATE TABLE public.orders_us PARTITION OF public.orders FOR VALUES IN ('us');
CREATE INDEX orders_eu_region_id_idx ON public.orders_eu (region, id);
