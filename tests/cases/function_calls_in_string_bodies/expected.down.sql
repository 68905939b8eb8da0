DROP MATERIALIZED VIEW public.a_summary;

DROP VIEW public.visit_count;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.visit_label_idx;

ALTER TABLE public.visit DROP CONSTRAINT visit_id_check;

DROP FUNCTION public.a_count();

DROP FUNCTION public.z_rows();

ALTER TABLE public.visit DROP COLUMN code;

-- hazard data-loss: drops column public.visit.tag and its data
ALTER TABLE public.visit DROP COLUMN tag;

DROP DOMAIN public.label;

DROP FUNCTION public.a_label(bigint);

DROP FUNCTION public.b_digits(bigint);

DROP FUNCTION public.m_prefix();

DROP FUNCTION public.z_width();
