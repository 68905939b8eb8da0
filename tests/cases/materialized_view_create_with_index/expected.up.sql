CREATE MATERIALIZED VIEW public.region_totals AS
 SELECT sales.region,
    sum(sales.amount) AS total
   FROM public.sales
  GROUP BY sales.region;

GRANT SELECT ON TABLE public.region_totals TO authenticated;

CREATE UNIQUE INDEX region_totals_region_idx ON public.region_totals USING btree (region);
