ALTER TABLE public.c DROP CONSTRAINT c_p_id_fkey;

ALTER TABLE public.p DROP CONSTRAINT p_key;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.p while it builds the index of p_key
ALTER TABLE public.p ADD CONSTRAINT p_key UNIQUE (id) WITH (fillfactor=70);

ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.c VALIDATE CONSTRAINT c_p_id_fkey;
