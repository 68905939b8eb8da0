ALTER TABLE public.c DROP CONSTRAINT c_p_fk;

ALTER TABLE public.c ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.c without a match for foreign key c_p_fk make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_fk;
