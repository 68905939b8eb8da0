-- schemac migration 0003_posts_webhooks_tenant_isolation (up)
--
--   alter schema public (privileges of authenticated)
--   alter schema public (privileges of service_role)
--   create type public.post_status
--   create type public.webhook_delivery_status
--   alter table public.credentials
--   alter table public.credentials (privileges of service_role)
--   alter table public.oauth_states
--   alter table public.oauth_states (privileges of authenticated)
--   alter table public.oauth_states (privileges of service_role)
--   create table public.posts
--   alter table public.posts (privileges of authenticated)
--   alter table public.posts (privileges of service_role)
--   comment on column public.posts.search
--   create table public.post_media
--   alter table public.post_media (privileges of authenticated)
--   alter table public.post_media (privileges of service_role)
--   create table public.post_schedules
--   alter table public.post_schedules (privileges of authenticated)
--   alter table public.post_schedules (privileges of service_role)
--   create table public.post_targets
--   alter table public.post_targets (privileges of authenticated)
--   alter table public.post_targets (privileges of service_role)
--   create table public.tags
--   alter table public.tags (privileges of authenticated)
--   alter table public.tags (privileges of service_role)
--   create table public.post_tags
--   alter table public.post_tags (privileges of authenticated)
--   alter table public.post_tags (privileges of service_role)
--   alter table public.tenants
--   alter table public.tenants (privileges of authenticated)
--   alter table public.tenants (privileges of service_role)
--   create table public.webhook_endpoints
--   alter table public.webhook_endpoints (privileges of authenticated)
--   alter table public.webhook_endpoints (privileges of service_role)
--   comment on column public.webhook_endpoints.secret
--   create table public.webhook_events
--   alter table public.webhook_events (privileges of authenticated)
--   alter table public.webhook_events (privileges of service_role)
--   create table public.webhook_deliveries
--   alter table public.webhook_deliveries (privileges of authenticated)
--   alter table public.webhook_deliveries (privileges of service_role)
--   alter table public.workspace_members
--   alter table public.workspace_members (privileges of authenticated)
--   alter table public.workspace_members (privileges of service_role)
--   alter table public.workspaces
--   alter table public.workspaces (privileges of authenticated)
--   alter table public.workspaces (privileges of service_role)
--   create function public.current_tenant_id()
--   comment on function public.current_tenant_id()
--   alter function public.current_tenant_id() (privileges of PUBLIC)
--   alter function public.current_tenant_id() (privileges of authenticated)
--   alter function public.current_tenant_id() (privileges of service_role)
--   create function public.delete_old_webhook_events(interval)
--   alter function public.delete_old_webhook_events(interval) (privileges of PUBLIC)
--   alter function public.delete_old_webhook_events(interval) (privileges of service_role)
--   create function public.in_current_tenant(uuid)
--   alter function public.in_current_tenant(uuid) (privileges of PUBLIC)
--   alter function public.in_current_tenant(uuid) (privileges of authenticated)
--   alter function public.in_current_tenant(uuid) (privileges of service_role)
--   create function public.set_updated_at()
--   create index public.post_schedules_due_idx
--   create index public.post_tags_tag_idx
--   create index public.post_targets_credential_idx
--   create index public.posts_search_idx
--   create index public.posts_workspace_status_idx
--   create index public.webhook_deliveries_due_idx
--   create index public.webhook_deliveries_event_idx
--   create index public.webhook_endpoints_workspace_idx
--   create index public.webhook_events_workspace_idx
--   create view public.post_overview
--   alter view public.post_overview (privileges of authenticated)
--   create trigger credentials_set_updated_at ON public.credentials
--   create trigger posts_set_updated_at ON public.posts
--   create trigger tenants_set_updated_at ON public.tenants
--   create trigger webhook_endpoints_set_updated_at ON public.webhook_endpoints
--   create trigger workspaces_set_updated_at ON public.workspaces
--   create policy oauth_states_tenant ON public.oauth_states
--   create policy post_media_tenant ON public.post_media
--   create policy post_schedules_tenant ON public.post_schedules
--   create policy post_tags_tenant ON public.post_tags
--   create policy post_targets_tenant ON public.post_targets
--   create policy posts_tenant ON public.posts
--   create policy tags_tenant ON public.tags
--   create policy tenants_own ON public.tenants
--   create policy webhook_deliveries_tenant ON public.webhook_deliveries
--   create policy webhook_endpoints_tenant ON public.webhook_endpoints
--   create policy webhook_events_tenant ON public.webhook_events
--   create policy workspace_members_tenant ON public.workspace_members
--   create policy workspaces_tenant ON public.workspaces

-- schemac:step alter schema public (privileges of authenticated)
GRANT USAGE ON SCHEMA public TO authenticated;

-- schemac:step alter schema public (privileges of service_role)
GRANT USAGE ON SCHEMA public TO service_role;

-- schemac:step create type public.post_status
CREATE TYPE public.post_status AS ENUM ('draft', 'scheduled', 'publishing', 'published', 'failed');

-- schemac:step create type public.webhook_delivery_status
CREATE TYPE public.webhook_delivery_status AS ENUM ('pending', 'delivered', 'failed', 'dead');

-- schemac:step alter table public.credentials
ALTER TABLE public.credentials ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.credentials (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.credentials TO service_role;

-- schemac:step alter table public.oauth_states
ALTER TABLE public.oauth_states ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.oauth_states (privileges of authenticated)
GRANT DELETE, INSERT, SELECT ON TABLE public.oauth_states TO authenticated;

-- schemac:step alter table public.oauth_states (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.oauth_states TO service_role;

-- schemac:step create table public.posts
CREATE TABLE public.posts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    workspace_id uuid NOT NULL,
    author_id uuid NOT NULL,
    status public.post_status DEFAULT 'draft'::public.post_status NOT NULL,
    title text,
    body text DEFAULT ''::text NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, ((COALESCE(title, ''::text) || ' '::text) || body))) STORED,
    published_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT posts_pkey PRIMARY KEY (id),
    CONSTRAINT posts_published_at CHECK (((status <> 'published'::public.post_status) OR (published_at IS NOT NULL))),
    CONSTRAINT posts_title_check CHECK ((length(title) <= 300)),
    CONSTRAINT posts_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
ALTER TABLE public.posts ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.posts (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.posts TO authenticated;

-- schemac:step alter table public.posts (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.posts TO service_role;

-- schemac:step comment on column public.posts.search
COMMENT ON COLUMN public.posts.search IS 'Full-text document of title and body, kept by PostgreSQL.';

-- schemac:step create table public.post_media
CREATE TABLE public.post_media (
    id bigint GENERATED ALWAYS AS IDENTITY,
    post_id uuid NOT NULL,
    "position" smallint NOT NULL,
    storage_path text NOT NULL,
    mime_type text NOT NULL,
    bytes bigint NOT NULL,
    CONSTRAINT post_media_pkey PRIMARY KEY (id),
    CONSTRAINT post_media_post_position_key UNIQUE (post_id, "position"),
    CONSTRAINT post_media_bytes_check CHECK ((bytes > 0)),
    CONSTRAINT post_media_mime_type_check CHECK ((mime_type ~ '^(image|video)/'::text)),
    CONSTRAINT post_media_position_check CHECK (("position" >= 0)),
    CONSTRAINT post_media_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE
);
ALTER TABLE public.post_media ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.post_media (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_media TO authenticated;

-- schemac:step alter table public.post_media (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_media TO service_role;

-- schemac:step create table public.post_schedules
CREATE TABLE public.post_schedules (
    post_id uuid NOT NULL,
    run_at timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    CONSTRAINT post_schedules_pkey PRIMARY KEY (post_id),
    CONSTRAINT post_schedules_attempts_check CHECK ((attempts >= 0)),
    CONSTRAINT post_schedules_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE
);
ALTER TABLE public.post_schedules ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.post_schedules (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_schedules TO authenticated;

-- schemac:step alter table public.post_schedules (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_schedules TO service_role;

-- schemac:step create table public.post_targets
CREATE TABLE public.post_targets (
    id bigint GENERATED ALWAYS AS IDENTITY,
    post_id uuid NOT NULL,
    credential_id bigint NOT NULL,
    status public.post_status DEFAULT 'scheduled'::public.post_status NOT NULL,
    external_id text,
    last_error text,
    published_at timestamp with time zone,
    CONSTRAINT post_targets_pkey PRIMARY KEY (id),
    CONSTRAINT post_targets_post_credential_key UNIQUE (post_id, credential_id),
    CONSTRAINT post_targets_credential_id_fkey FOREIGN KEY (credential_id) REFERENCES public.credentials(id) ON DELETE CASCADE,
    CONSTRAINT post_targets_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE
);
ALTER TABLE public.post_targets ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.post_targets (privileges of authenticated)
GRANT SELECT ON TABLE public.post_targets TO authenticated;

-- schemac:step alter table public.post_targets (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_targets TO service_role;

-- schemac:step create table public.tags
CREATE TABLE public.tags (
    id bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id uuid NOT NULL,
    name text NOT NULL,
    CONSTRAINT tags_pkey PRIMARY KEY (id),
    CONSTRAINT tags_workspace_name_key UNIQUE (workspace_id, name),
    CONSTRAINT tags_name_check CHECK (((length(name) >= 1) AND (length(name) <= 50))),
    CONSTRAINT tags_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
ALTER TABLE public.tags ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.tags (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.tags TO authenticated;

-- schemac:step alter table public.tags (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.tags TO service_role;

-- schemac:step create table public.post_tags
CREATE TABLE public.post_tags (
    post_id uuid NOT NULL,
    tag_id bigint NOT NULL,
    CONSTRAINT post_tags_pkey PRIMARY KEY (post_id, tag_id),
    CONSTRAINT post_tags_post_id_fkey FOREIGN KEY (post_id) REFERENCES public.posts(id) ON DELETE CASCADE,
    CONSTRAINT post_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES public.tags(id) ON DELETE CASCADE
);
ALTER TABLE public.post_tags ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.post_tags (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_tags TO authenticated;

-- schemac:step alter table public.post_tags (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_tags TO service_role;

-- schemac:step alter table public.tenants
ALTER TABLE public.tenants ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.tenants (privileges of authenticated)
GRANT SELECT ON TABLE public.tenants TO authenticated;

-- schemac:step alter table public.tenants (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.tenants TO service_role;

-- schemac:step create table public.webhook_endpoints
CREATE TABLE public.webhook_endpoints (
    id bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id uuid NOT NULL,
    url text NOT NULL,
    secret text NOT NULL,
    event_types text[] NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT webhook_endpoints_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_endpoints_event_types_check CHECK ((cardinality(event_types) > 0)),
    CONSTRAINT webhook_endpoints_secret_check CHECK ((length(secret) >= 32)),
    CONSTRAINT webhook_endpoints_url_check CHECK ((url ~ '^https://'::text)),
    CONSTRAINT webhook_endpoints_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
ALTER TABLE public.webhook_endpoints ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.webhook_endpoints (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.webhook_endpoints TO authenticated;

-- schemac:step alter table public.webhook_endpoints (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.webhook_endpoints TO service_role;

-- schemac:step comment on column public.webhook_endpoints.secret
COMMENT ON COLUMN public.webhook_endpoints.secret IS 'HMAC-SHA256 signing key; shown to the user once.';

-- schemac:step create table public.webhook_events
CREATE TABLE public.webhook_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id uuid NOT NULL,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT webhook_events_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_events_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
ALTER TABLE public.webhook_events ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.webhook_events (privileges of authenticated)
GRANT SELECT ON TABLE public.webhook_events TO authenticated;

-- schemac:step alter table public.webhook_events (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.webhook_events TO service_role;

-- schemac:step create table public.webhook_deliveries
CREATE TABLE public.webhook_deliveries (
    id bigint GENERATED ALWAYS AS IDENTITY,
    endpoint_id bigint NOT NULL,
    event_id bigint NOT NULL,
    status public.webhook_delivery_status DEFAULT 'pending'::public.webhook_delivery_status NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    response_status smallint,
    last_error text,
    delivered_at timestamp with time zone,
    CONSTRAINT webhook_deliveries_pkey PRIMARY KEY (id),
    CONSTRAINT webhook_deliveries_endpoint_event_key UNIQUE (endpoint_id, event_id),
    CONSTRAINT webhook_deliveries_attempts_check CHECK (((attempts >= 0) AND (attempts <= 12))),
    CONSTRAINT webhook_deliveries_endpoint_id_fkey FOREIGN KEY (endpoint_id) REFERENCES public.webhook_endpoints(id) ON DELETE CASCADE,
    CONSTRAINT webhook_deliveries_event_id_fkey FOREIGN KEY (event_id) REFERENCES public.webhook_events(id) ON DELETE CASCADE
);
ALTER TABLE public.webhook_deliveries ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.webhook_deliveries (privileges of authenticated)
GRANT SELECT ON TABLE public.webhook_deliveries TO authenticated;

-- schemac:step alter table public.webhook_deliveries (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.webhook_deliveries TO service_role;

-- schemac:step alter table public.workspace_members
ALTER TABLE public.workspace_members ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.workspace_members (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspace_members TO authenticated;

-- schemac:step alter table public.workspace_members (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspace_members TO service_role;

-- schemac:step alter table public.workspaces
ALTER TABLE public.workspaces ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.workspaces (privileges of authenticated)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspaces TO authenticated;

-- schemac:step alter table public.workspaces (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspaces TO service_role;

-- schemac:step create function public.current_tenant_id()
CREATE OR REPLACE FUNCTION public.current_tenant_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE PARALLEL SAFE
RETURN (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid;

-- schemac:step comment on function public.current_tenant_id()
COMMENT ON FUNCTION public.current_tenant_id() IS 'The tenant of the current request (app.tenant_id), or NULL outside one.';

-- schemac:step alter function public.current_tenant_id() (privileges of PUBLIC)
REVOKE EXECUTE ON FUNCTION public.current_tenant_id() FROM PUBLIC;

-- schemac:step alter function public.current_tenant_id() (privileges of authenticated)
GRANT EXECUTE ON FUNCTION public.current_tenant_id() TO authenticated;

-- schemac:step alter function public.current_tenant_id() (privileges of service_role)
GRANT EXECUTE ON FUNCTION public.current_tenant_id() TO service_role;

-- schemac:step create function public.delete_old_webhook_events(interval)
CREATE OR REPLACE FUNCTION public.delete_old_webhook_events(retention interval DEFAULT '30 days'::interval)
 RETURNS bigint
 LANGUAGE plpgsql
AS $function$
DECLARE
    deleted bigint;
BEGIN
    DELETE FROM webhook_events WHERE created_at < now() - retention;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END
$function$;

-- schemac:step alter function public.delete_old_webhook_events(interval) (privileges of PUBLIC)
REVOKE EXECUTE ON FUNCTION public.delete_old_webhook_events(interval) FROM PUBLIC;

-- schemac:step alter function public.delete_old_webhook_events(interval) (privileges of service_role)
GRANT EXECUTE ON FUNCTION public.delete_old_webhook_events(interval) TO service_role;

-- schemac:step create function public.in_current_tenant(uuid)
CREATE OR REPLACE FUNCTION public.in_current_tenant(workspace uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT (EXISTS ( SELECT 1
            FROM public.workspaces w
           WHERE ((w.id = in_current_tenant.workspace) AND (w.tenant_id = public.current_tenant_id())))) AS "exists";
END;

-- schemac:step alter function public.in_current_tenant(uuid) (privileges of PUBLIC)
REVOKE EXECUTE ON FUNCTION public.in_current_tenant(uuid) FROM PUBLIC;

-- schemac:step alter function public.in_current_tenant(uuid) (privileges of authenticated)
GRANT EXECUTE ON FUNCTION public.in_current_tenant(uuid) TO authenticated;

-- schemac:step alter function public.in_current_tenant(uuid) (privileges of service_role)
GRANT EXECUTE ON FUNCTION public.in_current_tenant(uuid) TO service_role;

-- schemac:step create function public.set_updated_at()
CREATE OR REPLACE FUNCTION public.set_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$function$;

-- schemac:step create index public.post_schedules_due_idx
CREATE INDEX post_schedules_due_idx ON public.post_schedules USING btree (run_at) WHERE (locked_until IS NULL);

-- schemac:step create index public.post_tags_tag_idx
CREATE INDEX post_tags_tag_idx ON public.post_tags USING btree (tag_id);

-- schemac:step create index public.post_targets_credential_idx
CREATE INDEX post_targets_credential_idx ON public.post_targets USING btree (credential_id);

-- schemac:step create index public.posts_search_idx
CREATE INDEX posts_search_idx ON public.posts USING gin (search);

-- schemac:step create index public.posts_workspace_status_idx
CREATE INDEX posts_workspace_status_idx ON public.posts USING btree (workspace_id, status);

-- schemac:step create index public.webhook_deliveries_due_idx
CREATE INDEX webhook_deliveries_due_idx ON public.webhook_deliveries USING btree (next_attempt_at) WHERE (status = ANY (ARRAY['pending'::public.webhook_delivery_status, 'failed'::public.webhook_delivery_status]));

-- schemac:step create index public.webhook_deliveries_event_idx
CREATE INDEX webhook_deliveries_event_idx ON public.webhook_deliveries USING btree (event_id);

-- schemac:step create index public.webhook_endpoints_workspace_idx
CREATE INDEX webhook_endpoints_workspace_idx ON public.webhook_endpoints USING btree (workspace_id);

-- schemac:step create index public.webhook_events_workspace_idx
CREATE INDEX webhook_events_workspace_idx ON public.webhook_events USING btree (workspace_id, created_at);

-- schemac:step create view public.post_overview
CREATE VIEW public.post_overview WITH (security_invoker=true) AS
 SELECT p.id,
    p.workspace_id,
    p.status,
    p.title,
    p.published_at,
    COALESCE(array_agg(t.name ORDER BY t.name) FILTER (WHERE (t.name IS NOT NULL)), '{}'::text[]) AS tags
   FROM ((public.posts p
     LEFT JOIN public.post_tags pt ON ((pt.post_id = p.id)))
     LEFT JOIN public.tags t ON ((t.id = pt.tag_id)))
  GROUP BY p.id;

-- schemac:step alter view public.post_overview (privileges of authenticated)
GRANT SELECT ON TABLE public.post_overview TO authenticated;

-- schemac:step create trigger credentials_set_updated_at ON public.credentials
CREATE TRIGGER credentials_set_updated_at BEFORE UPDATE ON public.credentials FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- schemac:step create trigger posts_set_updated_at ON public.posts
CREATE TRIGGER posts_set_updated_at BEFORE UPDATE ON public.posts FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- schemac:step create trigger tenants_set_updated_at ON public.tenants
CREATE TRIGGER tenants_set_updated_at BEFORE UPDATE ON public.tenants FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- schemac:step create trigger webhook_endpoints_set_updated_at ON public.webhook_endpoints
CREATE TRIGGER webhook_endpoints_set_updated_at BEFORE UPDATE ON public.webhook_endpoints FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- schemac:step create trigger workspaces_set_updated_at ON public.workspaces
CREATE TRIGGER workspaces_set_updated_at BEFORE UPDATE ON public.workspaces FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- schemac:step create policy oauth_states_tenant ON public.oauth_states
CREATE POLICY oauth_states_tenant ON public.oauth_states TO authenticated USING (public.in_current_tenant(workspace_id)) WITH CHECK (public.in_current_tenant(workspace_id));

-- schemac:step create policy post_media_tenant ON public.post_media
CREATE POLICY post_media_tenant ON public.post_media TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.posts p
  WHERE (p.id = post_media.post_id))));

-- schemac:step create policy post_schedules_tenant ON public.post_schedules
CREATE POLICY post_schedules_tenant ON public.post_schedules TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.posts p
  WHERE (p.id = post_schedules.post_id))));

-- schemac:step create policy post_tags_tenant ON public.post_tags
CREATE POLICY post_tags_tenant ON public.post_tags TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.posts p
  WHERE (p.id = post_tags.post_id))));

-- schemac:step create policy post_targets_tenant ON public.post_targets
CREATE POLICY post_targets_tenant ON public.post_targets TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.posts p
  WHERE (p.id = post_targets.post_id))));

-- schemac:step create policy posts_tenant ON public.posts
CREATE POLICY posts_tenant ON public.posts TO authenticated USING (public.in_current_tenant(workspace_id)) WITH CHECK (public.in_current_tenant(workspace_id));

-- schemac:step create policy tags_tenant ON public.tags
CREATE POLICY tags_tenant ON public.tags TO authenticated USING (public.in_current_tenant(workspace_id)) WITH CHECK (public.in_current_tenant(workspace_id));

-- schemac:step create policy tenants_own ON public.tenants
CREATE POLICY tenants_own ON public.tenants FOR SELECT TO authenticated USING ((id = public.current_tenant_id()));

-- schemac:step create policy webhook_deliveries_tenant ON public.webhook_deliveries
CREATE POLICY webhook_deliveries_tenant ON public.webhook_deliveries FOR SELECT TO authenticated USING ((EXISTS ( SELECT 1
   FROM public.webhook_endpoints e
  WHERE (e.id = webhook_deliveries.endpoint_id))));

-- schemac:step create policy webhook_endpoints_tenant ON public.webhook_endpoints
CREATE POLICY webhook_endpoints_tenant ON public.webhook_endpoints TO authenticated USING (public.in_current_tenant(workspace_id)) WITH CHECK (public.in_current_tenant(workspace_id));

-- schemac:step create policy webhook_events_tenant ON public.webhook_events
CREATE POLICY webhook_events_tenant ON public.webhook_events FOR SELECT TO authenticated USING (public.in_current_tenant(workspace_id));

-- schemac:step create policy workspace_members_tenant ON public.workspace_members
CREATE POLICY workspace_members_tenant ON public.workspace_members TO authenticated USING (public.in_current_tenant(workspace_id)) WITH CHECK (public.in_current_tenant(workspace_id));

-- schemac:step create policy workspaces_tenant ON public.workspaces
CREATE POLICY workspaces_tenant ON public.workspaces TO authenticated USING ((tenant_id = public.current_tenant_id())) WITH CHECK ((tenant_id = public.current_tenant_id()));
