DROP MATERIALIZED VIEW public.tenant_totals;

-- hazard table-rewrite: rewrites the table to convert column public.metrics.tenant_id from integer to bigint
ALTER TABLE public.metrics ALTER COLUMN tenant_id TYPE bigint USING tenant_id::bigint;

CREATE MATERIALIZED VIEW public.tenant_totals AS
 SELECT metrics.tenant_id,
    sum(metrics.value) AS total
   FROM public.metrics
  GROUP BY metrics.tenant_id;

COMMENT ON MATERIALIZED VIEW public.tenant_totals IS 'Refreshed hourly';

CREATE UNIQUE INDEX tenant_totals_tenant_idx ON public.tenant_totals USING btree (tenant_id);
