CREATE TYPE public."Text Span" AS RANGE (subtype = text, collation = pg_catalog."C", multirange_type_name = public.text_spans);

COMMENT ON TYPE public."Text Span" IS 'spans of text';

ALTER TABLE public.reading ADD COLUMN spans public.floatmultirange;

ALTER TABLE public.reading ADD COLUMN label public."Text Span";

CREATE MATERIALIZED VIEW public.wide AS
 SELECT reading.id,
    reading.span
   FROM public.reading
  WHERE (reading.span && public.floatrange((0)::double precision, (10)::double precision));

DROP TYPE public.old_span;
