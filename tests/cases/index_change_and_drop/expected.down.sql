DROP INDEX public.t_a_idx;

-- hazard index-build: builds index public.t_a_idx on the existing table public.t, whose writes wait (SHARE lock) until it is built
CREATE INDEX t_a_idx ON public.t USING btree (a);

-- hazard index-build: builds index public.t_old_idx on the existing table public.t, whose writes wait (SHARE lock) until it is built
CREATE INDEX t_old_idx ON public.t USING btree (b);
