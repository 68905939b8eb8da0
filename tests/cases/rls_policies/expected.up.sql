CREATE TABLE public."Audit" (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT "Audit_pkey" PRIMARY KEY (id)
);
ALTER TABLE public."Audit" ENABLE ROW LEVEL SECURITY;

ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY append_only ON public."Audit" FOR INSERT TO PUBLIC WITH CHECK ((at <= now()));

CREATE POLICY "everyone reads" ON public.notes FOR SELECT TO PUBLIC USING (true);

DROP POLICY legacy ON public.documents;

DROP POLICY owner_write ON public.documents;

ALTER TABLE public.documents FORCE ROW LEVEL SECURITY;

CREATE POLICY no_archived_writes ON public.documents AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK ((NOT archived));

CREATE POLICY owner_write ON public.documents TO PUBLIC USING ((owner = CURRENT_USER)) WITH CHECK ((owner = CURRENT_USER));

ALTER POLICY tenant_read ON public.documents TO PUBLIC USING (((tenant_id = (current_setting('app.tenant_id'::text))::bigint) AND (NOT archived)));

COMMENT ON POLICY tenant_read ON public.documents IS 'Tenants see their own live documents';
