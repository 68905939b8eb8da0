CREATE TYPE public.post_status AS ENUM ('draft');

CREATE TABLE public.tenants (
    id integer NOT NULL,
    CONSTRAINT tenants_pkey PRIMARY KEY (id)
);

CREATE TABLE public.workspaces (
    id integer NOT NULL,
    tenant_id integer,
    CONSTRAINT workspaces_pkey PRIMARY KEY (id),
    CONSTRAINT workspaces_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id)
);

CREATE TABLE public.posts (
    id integer NOT NULL,
    workspace_id integer,
    status public.post_status NOT NULL,
    CONSTRAINT posts_pkey PRIMARY KEY (id),
    CONSTRAINT posts_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id)
);

CREATE INDEX posts_ws_idx ON public.posts USING btree (workspace_id);
