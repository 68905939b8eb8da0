ALTER TABLE public.t ADD CONSTRAINT t_b_check CHECK ((b < 10)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.t that fail check t_b_check make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.t VALIDATE CONSTRAINT t_b_check;

ALTER TABLE public.t DROP CONSTRAINT a_positive;

ALTER TABLE public.t ADD CONSTRAINT a_positive CHECK ((a > 0)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.t that fail check a_positive make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.t VALIDATE CONSTRAINT a_positive;

ALTER TABLE public.t DROP CONSTRAINT ab;
