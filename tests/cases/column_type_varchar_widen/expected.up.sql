ALTER TABLE public.t ALTER COLUMN code TYPE character varying(40);

ALTER TABLE public.t ALTER COLUMN label TYPE text;
