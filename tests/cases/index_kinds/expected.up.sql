-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_active_idx concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY t_active_idx ON public.t USING btree (id) INCLUDE (status) WHERE (status = 'active'::text);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_data_idx concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY t_data_idx ON public.t USING gin (data jsonb_path_ops);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_desc_idx concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY t_desc_idx ON public.t USING btree (id DESC NULLS LAST, status);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_payload_hash concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY t_payload_hash ON public.t USING hash (payload);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.t_email_key concurrently on the existing table public.t: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY t_email_key ON public.t USING btree (lower(email));
