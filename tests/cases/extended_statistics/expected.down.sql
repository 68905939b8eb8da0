-- hazard needs-data: re-creates table public.old_log empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.old_log (
    a integer,
    b integer
);

-- hazard needs-data: re-creates column public.orders.region empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.orders ADD COLUMN region text;

CREATE STATISTICS public.old_log_ab ON a, b FROM public.old_log;

ALTER STATISTICS public.orders_city_zip SET STATISTICS -1;

COMMENT ON STATISTICS public.orders_city_zip IS 'the city decides the zip';

CREATE STATISTICS public.orders_zip_region ON zip, region FROM public.orders;
ALTER STATISTICS public.orders_zip_region SET STATISTICS 200;

DROP MATERIALIZED VIEW public.city_counts;

DROP STATISTICS public.orders_kinds;

CREATE STATISTICS public.orders_kinds (ndistinct) ON city, region FROM public.orders;

DROP STATISTICS stats."Orders by city";

DROP STATISTICS stats.orders_total;

-- hazard table-rewrite: rewrites the table to convert column public.orders.total from bigint to numeric(12,2)
-- hazard data-loss: converts column public.orders.total from bigint to numeric(12,2): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose total does not fit in numeric(12,2) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.orders ALTER COLUMN total TYPE numeric(12,2) USING total::numeric(12,2);

CREATE STATISTICS stats.orders_total ON total, placed FROM public.orders;
