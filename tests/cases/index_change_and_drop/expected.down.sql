DROP INDEX public.t_a_idx;

CREATE INDEX t_a_idx ON public.t USING btree (a);

CREATE INDEX t_old_idx ON public.t USING btree (b);
