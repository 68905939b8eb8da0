DROP POLICY tenant_isolation ON public.media;

-- hazard table-rewrite: rewrites the table to convert column public.media.tenant_id from bigint to integer
-- hazard data-loss: converts column public.media.tenant_id from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose tenant_id does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.media ALTER COLUMN tenant_id TYPE integer USING tenant_id::integer;

DROP POLICY tenant_isolation ON public.posts;

DROP FUNCTION public.current_tenant_id();

CREATE OR REPLACE FUNCTION public.current_tenant_id()
 RETURNS integer
 LANGUAGE sql
 STABLE
RETURN (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::integer;

CREATE POLICY tenant_isolation ON public.media TO PUBLIC USING ((tenant_id = public.current_tenant_id()));

CREATE POLICY tenant_isolation ON public.posts TO PUBLIC USING ((tenant_id = public.current_tenant_id())) WITH CHECK ((tenant_id = public.current_tenant_id()));

COMMENT ON POLICY tenant_isolation ON public.posts IS 'One tenant per session';
