ALTER TABLE public.t ADD CONSTRAINT a_schemac_not_null CHECK (a IS NOT NULL) NOT VALID;

ALTER TABLE public.t ALTER COLUMN b DROP NOT NULL;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.t VALIDATE CONSTRAINT a_schemac_not_null;

ALTER TABLE public.t ALTER COLUMN a SET NOT NULL;
ALTER TABLE public.t DROP CONSTRAINT a_schemac_not_null;
