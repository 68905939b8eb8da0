ALTER STATISTICS public.orders_city_zip SET STATISTICS 500;

COMMENT ON STATISTICS public.orders_city_zip IS 'a city decides its zip codes';

CREATE STATISTICS stats."Orders by city" ON zip, lower(city) FROM public.orders;

CREATE MATERIALIZED VIEW public.city_counts AS
 SELECT orders.city,
    orders.zip,
    count(*) AS n
   FROM public.orders
  GROUP BY orders.city, orders.zip;

CREATE STATISTICS public.city_counts_city_zip ON city, zip FROM public.city_counts;

DROP STATISTICS stats.orders_total;

-- hazard table-rewrite: rewrites the table to convert column public.orders.total from numeric(12,2) to bigint
-- hazard data-loss: converts column public.orders.total from numeric(12,2) to bigint: values may be rounded or cut, or fail to convert
ALTER TABLE public.orders ALTER COLUMN total TYPE bigint USING total::bigint;

CREATE STATISTICS stats.orders_total ON total, placed FROM public.orders;

-- hazard data-loss: drops column public.orders.region and its data
ALTER TABLE public.orders DROP COLUMN region;

CREATE STATISTICS public.orders_kinds (ndistinct, mcv) ON city, zip FROM public.orders;

-- hazard data-loss: drops table public.old_log and every row in it
DROP TABLE public.old_log;
