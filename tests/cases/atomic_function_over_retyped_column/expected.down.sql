DROP POLICY posts_tenant ON public.posts;

DROP FUNCTION public.in_tenant(integer, integer);

-- hazard table-rewrite: rewrites the table to convert column public.workspaces.tenant_id from bigint to integer
-- hazard data-loss: converts column public.workspaces.tenant_id from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose tenant_id does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.workspaces ALTER COLUMN tenant_id TYPE integer USING tenant_id::integer;

CREATE OR REPLACE FUNCTION public.in_tenant(workspace integer, tenant integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT (EXISTS ( SELECT 1
            FROM public.workspaces w
           WHERE ((w.id = in_tenant.workspace) AND (w.tenant_id = in_tenant.tenant)))) AS "exists";
END;

CREATE POLICY posts_tenant ON public.posts TO PUBLIC USING (public.in_tenant(workspace_id, (current_setting('app.tenant'::text))::integer));
