DROP POLICY tenant_isolation ON public.media;

-- hazard table-rewrite: rewrites the table to convert column public.media.tenant_id from integer to bigint
ALTER TABLE public.media ALTER COLUMN tenant_id TYPE bigint USING tenant_id::bigint;

DROP POLICY tenant_isolation ON public.posts;

DROP FUNCTION public.current_tenant_id();

CREATE OR REPLACE FUNCTION public.current_tenant_id()
 RETURNS bigint
 LANGUAGE sql
 STABLE
RETURN (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::bigint;

CREATE POLICY tenant_isolation ON public.media TO PUBLIC USING ((tenant_id = public.current_tenant_id()));

CREATE POLICY tenant_isolation ON public.posts TO PUBLIC USING ((tenant_id = public.current_tenant_id())) WITH CHECK ((tenant_id = public.current_tenant_id()));

COMMENT ON POLICY tenant_isolation ON public.posts IS 'One tenant per session';
