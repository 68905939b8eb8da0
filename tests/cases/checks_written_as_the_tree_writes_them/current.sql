CREATE TABLE public.note (id integer, tag varchar);
