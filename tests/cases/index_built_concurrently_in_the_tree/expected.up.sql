ALTER TABLE public.users ADD COLUMN email text;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.users_name_idx concurrently on the existing table public.users: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY users_name_idx ON public.users USING btree (name);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.users_email_key concurrently on the existing table public.users: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users USING btree (email);
