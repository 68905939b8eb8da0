ALTER TABLE public.t ALTER COLUMN code TYPE character varying(10);

ALTER TABLE public.t ALTER COLUMN label TYPE character varying(50);
