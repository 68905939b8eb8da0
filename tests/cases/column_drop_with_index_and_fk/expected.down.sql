ALTER TABLE public.c ADD COLUMN p_id integer;

ALTER TABLE public.c ADD COLUMN n integer;

ALTER TABLE public.c ADD CONSTRAINT c_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id);

-- hazard index-build: builds index public.c_p_idx on the existing table public.c, whose writes wait (SHARE lock) until it is built
CREATE INDEX c_p_idx ON public.c USING btree (p_id, n);
