ALTER TABLE public.t ADD CONSTRAINT ab CHECK ((a <> b)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.t VALIDATE CONSTRAINT ab;

ALTER TABLE public.t DROP CONSTRAINT a_positive;

ALTER TABLE public.t ADD CONSTRAINT a_positive CHECK ((a >= 0)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.t VALIDATE CONSTRAINT a_positive;

ALTER TABLE public.t DROP CONSTRAINT t_b_check;
