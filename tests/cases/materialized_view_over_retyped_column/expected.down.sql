DROP MATERIALIZED VIEW public.tenant_totals;

-- hazard table-rewrite: rewrites the table to convert column public.metrics.tenant_id from bigint to integer
-- hazard data-loss: converts column public.metrics.tenant_id from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose tenant_id does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.metrics ALTER COLUMN tenant_id TYPE integer USING tenant_id::integer;

CREATE MATERIALIZED VIEW public.tenant_totals AS
 SELECT metrics.tenant_id,
    sum(metrics.value) AS total
   FROM public.metrics
  GROUP BY metrics.tenant_id;

COMMENT ON MATERIALIZED VIEW public.tenant_totals IS 'Refreshed hourly';

CREATE UNIQUE INDEX tenant_totals_tenant_idx ON public.tenant_totals USING btree (tenant_id);

CREATE INDEX tenant_totals_total_idx ON public.tenant_totals USING btree (total);
