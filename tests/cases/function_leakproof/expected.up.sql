CREATE TABLE public.notes (
    id bigint NOT NULL,
    tenant_id bigint NOT NULL,
    CONSTRAINT notes_pkey PRIMARY KEY (id)
);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;

CREATE OR REPLACE FUNCTION public.same_tenant(a bigint, b bigint)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE LEAKPROOF
RETURN (a = b);

CREATE POLICY notes_tenant ON public.notes TO PUBLIC USING (public.same_tenant(tenant_id, (current_setting('app.tenant'::text, true))::bigint));
