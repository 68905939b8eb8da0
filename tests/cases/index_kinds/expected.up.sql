CREATE INDEX t_active_idx ON public.t USING btree (id) INCLUDE (status) WHERE (status = 'active'::text);

CREATE INDEX t_data_idx ON public.t USING gin (data jsonb_path_ops);

CREATE INDEX t_desc_idx ON public.t USING btree (id DESC NULLS LAST, status);

CREATE UNIQUE INDEX t_email_key ON public.t USING btree (lower(email));

CREATE INDEX t_payload_hash ON public.t USING hash (payload);
