ALTER TABLE public.t DROP CONSTRAINT t_code_check;

ALTER TABLE public.t ALTER COLUMN code TYPE character varying(8);

ALTER TABLE public.t ADD CONSTRAINT t_code_check CHECK (((code)::text <> ''::text));
