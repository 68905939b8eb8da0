-- Range types are created and dropped with their multirange types; their
-- constructor functions are theirs, never diffed as functions. A column and
-- a materialized view use one.
CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE public."Text Span" AS RANGE (subtype = text, collation = "C",
    multirange_type_name = public.text_spans);
COMMENT ON TYPE public."Text Span" IS 'spans of text';
CREATE TABLE public.reading (id bigint PRIMARY KEY, span public.floatrange,
    spans public.floatmultirange, label public."Text Span");
CREATE MATERIALIZED VIEW public.wide AS
    SELECT id, span FROM public.reading WHERE span && public.floatrange(0, 10);
