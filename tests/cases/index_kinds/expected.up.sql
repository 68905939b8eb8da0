-- hazard index-build: builds index public.t_active_idx on the existing table public.t, whose writes wait (SHARE lock) until it is built
CREATE INDEX t_active_idx ON public.t USING btree (id) INCLUDE (status) WHERE (status = 'active'::text);

-- hazard index-build: builds index public.t_data_idx on the existing table public.t, whose writes wait (SHARE lock) until it is built
CREATE INDEX t_data_idx ON public.t USING gin (data jsonb_path_ops);

-- hazard index-build: builds index public.t_desc_idx on the existing table public.t, whose writes wait (SHARE lock) until it is built
CREATE INDEX t_desc_idx ON public.t USING btree (id DESC NULLS LAST, status);

-- hazard index-build: builds index public.t_email_key on the existing table public.t, whose writes wait (SHARE lock) until it is built
CREATE UNIQUE INDEX t_email_key ON public.t USING btree (lower(email));

-- hazard index-build: builds index public.t_payload_hash on the existing table public.t, whose writes wait (SHARE lock) until it is built
CREATE INDEX t_payload_hash ON public.t USING hash (payload);
