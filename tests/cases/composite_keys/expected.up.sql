CREATE TABLE public.members (
    tenant_id integer NOT NULL,
    workspace_id integer NOT NULL,
    user_id integer NOT NULL,
    CONSTRAINT members_pkey PRIMARY KEY (tenant_id, workspace_id, user_id),
    CONSTRAINT members_tenant_id_workspace_id_fkey FOREIGN KEY (tenant_id, workspace_id) REFERENCES public.workspaces(tenant_id, id) ON DELETE CASCADE
);
