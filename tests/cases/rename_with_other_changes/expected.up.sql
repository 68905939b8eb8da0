ALTER TABLE public.users RENAME TO members;

ALTER TABLE public.members RENAME COLUMN name TO display_name;

ALTER TABLE public.members RENAME CONSTRAINT users_pkey TO members_pkey;

ALTER TABLE public.members ADD CONSTRAINT tenant_schemac_not_null CHECK (tenant IS NOT NULL) NOT VALID;

ALTER TABLE public.members ADD COLUMN joined_at timestamp with time zone DEFAULT now() NOT NULL;

ALTER TABLE public.members ALTER COLUMN display_name TYPE text;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.members VALIDATE CONSTRAINT tenant_schemac_not_null;

ALTER TABLE public.members ALTER COLUMN tenant SET NOT NULL;
ALTER TABLE public.members DROP CONSTRAINT tenant_schemac_not_null;

ALTER TABLE public.members ADD CONSTRAINT members_tenant_fkey FOREIGN KEY (tenant) REFERENCES public.tenants(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.members_tenant_idx concurrently on the existing table public.members: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY members_tenant_idx ON public.members USING btree (tenant);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.members VALIDATE CONSTRAINT members_tenant_fkey;
