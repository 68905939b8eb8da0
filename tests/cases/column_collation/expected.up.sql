ALTER TABLE public.t ALTER COLUMN code TYPE text;

ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE pg_catalog."C";
