ALTER TABLE public.c DROP CONSTRAINT c_p_fk;

ALTER TABLE public.c ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_fk;
