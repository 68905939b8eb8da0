DROP MATERIALIZED VIEW public.region_totals;
