-- schemac migration 0001_initial (up)
--
--   create type public.tenant_plan
--   create type public.tenant_status
--   create type public.workspace_role
--   create table public.tenants
--   comment on table public.tenants
--   comment on column public.tenants.features
--   comment on column public.tenants.max_storage_bytes
--   create table public.workspaces
--   comment on table public.workspaces
--   create table public.oauth_states
--   comment on table public.oauth_states
--   create table public.workspace_members
--   comment on column public.workspace_members.invited_by
--   create table public.credentials
--   comment on column public.credentials.access_token_encrypted
--   create index public.credentials_refresh_due_idx
--   create index public.oauth_states_expires_idx
--   create index public.tenants_status_idx
--   create index public.tenants_trial_ends_idx
--   create index public.workspace_members_user_idx

-- schemac:step create type public.tenant_plan
CREATE TYPE public.tenant_plan AS ENUM ('free', 'starter', 'pro', 'enterprise');

-- schemac:step create type public.tenant_status
CREATE TYPE public.tenant_status AS ENUM ('trialing', 'active', 'past_due', 'suspended', 'cancelled');

-- schemac:step create type public.workspace_role
CREATE TYPE public.workspace_role AS ENUM ('owner', 'admin', 'editor', 'viewer');

-- schemac:step create table public.tenants
CREATE TABLE public.tenants (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    slug text NOT NULL,
    name text NOT NULL,
    custom_domain text,
    plan public.tenant_plan DEFAULT 'free'::public.tenant_plan NOT NULL,
    status public.tenant_status DEFAULT 'trialing'::public.tenant_status NOT NULL,
    stripe_customer_id text,
    stripe_subscription_id text,
    max_users integer DEFAULT 5 NOT NULL,
    max_storage_bytes bigint DEFAULT 1073741824 NOT NULL,
    max_workspaces integer DEFAULT 1 NOT NULL,
    features jsonb DEFAULT '{}'::jsonb NOT NULL,
    trial_ends_at timestamp with time zone,
    suspended_at timestamp with time zone,
    suspension_reason text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT tenants_pkey PRIMARY KEY (id),
    CONSTRAINT tenants_custom_domain_key UNIQUE (custom_domain),
    CONSTRAINT tenants_slug_key UNIQUE (slug),
    CONSTRAINT tenants_stripe_customer_id_key UNIQUE (stripe_customer_id),
    CONSTRAINT tenants_max_storage_bytes_check CHECK ((max_storage_bytes >= 0)),
    CONSTRAINT tenants_max_users_check CHECK ((max_users > 0)),
    CONSTRAINT tenants_max_workspaces_check CHECK ((max_workspaces > 0)),
    CONSTRAINT tenants_name_check CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT tenants_slug_check CHECK ((slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'::text)),
    CONSTRAINT tenants_suspension_reason CHECK (((suspended_at IS NULL) OR (suspension_reason IS NOT NULL)))
);

-- schemac:step comment on table public.tenants
COMMENT ON TABLE public.tenants IS 'Customer organisations: plan, status and the limits the plan buys.';

-- schemac:step comment on column public.tenants.features
COMMENT ON COLUMN public.tenants.features IS 'Feature flags enabled for this tenant, by name.';

-- schemac:step comment on column public.tenants.max_storage_bytes
COMMENT ON COLUMN public.tenants.max_storage_bytes IS 'Storage quota across all workspaces, in bytes.';

-- schemac:step create table public.workspaces
CREATE TABLE public.workspaces (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    tenant_id uuid NOT NULL,
    name text NOT NULL,
    slug text NOT NULL,
    settings jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT workspaces_pkey PRIMARY KEY (id),
    CONSTRAINT workspaces_tenant_slug_key UNIQUE (tenant_id, slug),
    CONSTRAINT workspaces_name_check CHECK (((length(name) >= 1) AND (length(name) <= 120))),
    CONSTRAINT workspaces_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE
);

-- schemac:step comment on table public.workspaces
COMMENT ON TABLE public.workspaces IS 'A tenant''s workspace: the unit of membership and isolation.';

-- schemac:step create table public.oauth_states
CREATE TABLE public.oauth_states (
    state text NOT NULL,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    provider text NOT NULL,
    code_verifier text,
    redirect_uri text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone DEFAULT (now() + '00:10:00'::interval) NOT NULL,
    CONSTRAINT oauth_states_pkey PRIMARY KEY (state),
    CONSTRAINT oauth_states_state_check CHECK ((length(state) >= 32)),
    CONSTRAINT oauth_states_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);

-- schemac:step comment on table public.oauth_states
COMMENT ON TABLE public.oauth_states IS 'OAuth flow state; rows expire after ten minutes.';

-- schemac:step create table public.workspace_members
CREATE TABLE public.workspace_members (
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role public.workspace_role DEFAULT 'viewer'::public.workspace_role NOT NULL,
    invited_by uuid,
    joined_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT workspace_members_pkey PRIMARY KEY (workspace_id, user_id),
    CONSTRAINT workspace_members_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);

-- schemac:step comment on column public.workspace_members.invited_by
COMMENT ON COLUMN public.workspace_members.invited_by IS 'The user who sent the invitation, if any.';

-- schemac:step create table public.credentials
CREATE TABLE public.credentials (
    id bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    provider text NOT NULL,
    access_token_encrypted bytea NOT NULL,
    refresh_token_encrypted bytea,
    scopes text[] DEFAULT '{}'::text[] NOT NULL,
    expires_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT credentials_pkey PRIMARY KEY (id),
    CONSTRAINT credentials_workspace_provider_user_key UNIQUE (workspace_id, provider, user_id),
    CONSTRAINT credentials_provider_check CHECK ((provider = ANY (ARRAY['x'::text, 'linkedin'::text, 'facebook'::text, 'instagram'::text, 'tiktok'::text, 'youtube'::text]))),
    CONSTRAINT credentials_member_fkey FOREIGN KEY (workspace_id, user_id) REFERENCES public.workspace_members(workspace_id, user_id) ON DELETE CASCADE
);

-- schemac:step comment on column public.credentials.access_token_encrypted
COMMENT ON COLUMN public.credentials.access_token_encrypted IS 'Encrypted by the application; never stored in clear.';

-- schemac:step create index public.credentials_refresh_due_idx
CREATE INDEX credentials_refresh_due_idx ON public.credentials USING btree (expires_at) WHERE (refresh_token_encrypted IS NOT NULL);

-- schemac:step create index public.oauth_states_expires_idx
CREATE INDEX oauth_states_expires_idx ON public.oauth_states USING btree (expires_at);

-- schemac:step create index public.tenants_status_idx
CREATE INDEX tenants_status_idx ON public.tenants USING btree (status) WHERE (status <> 'active'::public.tenant_status);

-- schemac:step create index public.tenants_trial_ends_idx
CREATE INDEX tenants_trial_ends_idx ON public.tenants USING btree (trial_ends_at) WHERE (status = 'trialing'::public.tenant_status);

-- schemac:step create index public.workspace_members_user_idx
CREATE INDEX workspace_members_user_idx ON public.workspace_members USING btree (user_id);
