ALTER TABLE public.t DROP CONSTRAINT t_code_check;

ALTER TABLE public.t ALTER COLUMN code TYPE text;

ALTER TABLE public.t ADD CONSTRAINT t_code_check CHECK ((code <> ''::text)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.t VALIDATE CONSTRAINT t_code_check;
