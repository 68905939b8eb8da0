ALTER TABLE public.t ALTER COLUMN a DROP NOT NULL;

ALTER TABLE public.t ADD CONSTRAINT b_schemac_not_null CHECK (b IS NOT NULL) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.t where b is NULL make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.t VALIDATE CONSTRAINT b_schemac_not_null;

ALTER TABLE public.t ALTER COLUMN b SET NOT NULL;
ALTER TABLE public.t DROP CONSTRAINT b_schemac_not_null;
