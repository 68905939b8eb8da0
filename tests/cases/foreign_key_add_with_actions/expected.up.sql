ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
