CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TYPE public.old_span AS RANGE (subtype = integer);
CREATE TABLE public.reading (id bigint PRIMARY KEY, span public.floatrange);
