ALTER TABLE public.c ADD CONSTRAINT c_a_b_fkey FOREIGN KEY (a, b) REFERENCES public.p(a, b) MATCH FULL ON DELETE RESTRICT NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.c VALIDATE CONSTRAINT c_a_b_fkey;
