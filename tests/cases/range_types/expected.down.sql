CREATE TYPE public.old_span AS RANGE (subtype = integer, multirange_type_name = public.old_span_multirange);

DROP MATERIALIZED VIEW public.wide;

-- hazard data-loss: drops column public.reading.label and its data
ALTER TABLE public.reading DROP COLUMN label;

-- hazard data-loss: drops column public.reading.spans and its data
ALTER TABLE public.reading DROP COLUMN spans;

DROP TYPE public."Text Span";
