DROP INDEX public.t_a_idx;

DROP INDEX public.t_old_idx;

CREATE INDEX t_a_idx ON public.t USING btree (a, b);
