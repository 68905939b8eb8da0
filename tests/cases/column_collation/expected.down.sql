ALTER TABLE public.t ALTER COLUMN code TYPE text COLLATE pg_catalog."C";

ALTER TABLE public.t ALTER COLUMN name TYPE text;
