-- schemac migration 0003_posts_webhooks_tenant_isolation (down)
--
--   drop policy oauth_states_tenant ON public.oauth_states
--   drop policy tenants_own ON public.tenants
--   drop policy workspace_members_tenant ON public.workspace_members
--   drop policy workspaces_tenant ON public.workspaces
--   drop trigger credentials_set_updated_at ON public.credentials
--   drop trigger tenants_set_updated_at ON public.tenants
--   drop trigger workspaces_set_updated_at ON public.workspaces
--   drop view public.post_overview
--   drop function public.delete_old_webhook_events(interval)
--   drop table public.post_media
--   drop table public.post_schedules
--   drop table public.post_tags
--   drop table public.post_targets
--   drop table public.posts
--   drop table public.tags
--   drop table public.webhook_deliveries
--   drop table public.webhook_endpoints
--   drop function public.set_updated_at()
--   drop table public.webhook_events
--   drop function public.in_current_tenant(uuid)
--   drop function public.current_tenant_id()
--   drop type public.post_status
--   drop type public.webhook_delivery_status
--   alter schema public (privileges of authenticated)
--   alter schema public (privileges of service_role)
--   alter table public.credentials
--   alter table public.credentials (privileges of service_role)
--   alter table public.oauth_states
--   alter table public.oauth_states (privileges of authenticated)
--   alter table public.oauth_states (privileges of service_role)
--   alter table public.tenants
--   alter table public.tenants (privileges of authenticated)
--   alter table public.tenants (privileges of service_role)
--   alter table public.workspace_members
--   alter table public.workspace_members (privileges of authenticated)
--   alter table public.workspace_members (privileges of service_role)
--   alter table public.workspaces
--   alter table public.workspaces (privileges of authenticated)
--   alter table public.workspaces (privileges of service_role)

-- schemac:step drop policy oauth_states_tenant ON public.oauth_states
DROP POLICY oauth_states_tenant ON public.oauth_states;

-- schemac:step drop policy tenants_own ON public.tenants
DROP POLICY tenants_own ON public.tenants;

-- schemac:step drop policy workspace_members_tenant ON public.workspace_members
DROP POLICY workspace_members_tenant ON public.workspace_members;

-- schemac:step drop policy workspaces_tenant ON public.workspaces
DROP POLICY workspaces_tenant ON public.workspaces;

-- schemac:step drop trigger credentials_set_updated_at ON public.credentials
DROP TRIGGER credentials_set_updated_at ON public.credentials;

-- schemac:step drop trigger tenants_set_updated_at ON public.tenants
DROP TRIGGER tenants_set_updated_at ON public.tenants;

-- schemac:step drop trigger workspaces_set_updated_at ON public.workspaces
DROP TRIGGER workspaces_set_updated_at ON public.workspaces;

-- schemac:step drop view public.post_overview
DROP VIEW public.post_overview;

-- schemac:step drop function public.delete_old_webhook_events(interval)
DROP FUNCTION public.delete_old_webhook_events(interval);

-- schemac:step drop table public.post_media
-- hazard data-loss: drops table public.post_media and every row in it
DROP TABLE public.post_media;

-- schemac:step drop table public.post_schedules
-- hazard data-loss: drops table public.post_schedules and every row in it
DROP TABLE public.post_schedules;

-- schemac:step drop table public.post_tags
-- hazard data-loss: drops table public.post_tags and every row in it
DROP TABLE public.post_tags;

-- schemac:step drop table public.post_targets
-- hazard data-loss: drops table public.post_targets and every row in it
DROP TABLE public.post_targets;

-- schemac:step drop table public.posts
-- hazard data-loss: drops table public.posts and every row in it
DROP TABLE public.posts;

-- schemac:step drop table public.tags
-- hazard data-loss: drops table public.tags and every row in it
DROP TABLE public.tags;

-- schemac:step drop table public.webhook_deliveries
-- hazard data-loss: drops table public.webhook_deliveries and every row in it
DROP TABLE public.webhook_deliveries;

-- schemac:step drop table public.webhook_endpoints
-- hazard data-loss: drops table public.webhook_endpoints and every row in it
DROP TABLE public.webhook_endpoints;

-- schemac:step drop function public.set_updated_at()
DROP FUNCTION public.set_updated_at();

-- schemac:step drop table public.webhook_events
-- hazard data-loss: drops table public.webhook_events and every row in it
DROP TABLE public.webhook_events;

-- schemac:step drop function public.in_current_tenant(uuid)
DROP FUNCTION public.in_current_tenant(uuid);

-- schemac:step drop function public.current_tenant_id()
DROP FUNCTION public.current_tenant_id();

-- schemac:step drop type public.post_status
DROP TYPE public.post_status;

-- schemac:step drop type public.webhook_delivery_status
DROP TYPE public.webhook_delivery_status;

-- schemac:step alter schema public (privileges of authenticated)
REVOKE USAGE ON SCHEMA public FROM authenticated;

-- schemac:step alter schema public (privileges of service_role)
REVOKE USAGE ON SCHEMA public FROM service_role;

-- schemac:step alter table public.credentials
ALTER TABLE public.credentials DISABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.credentials (privileges of service_role)
REVOKE DELETE, INSERT, SELECT, UPDATE ON TABLE public.credentials FROM service_role;

-- schemac:step alter table public.oauth_states
ALTER TABLE public.oauth_states DISABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.oauth_states (privileges of authenticated)
REVOKE DELETE, INSERT, SELECT ON TABLE public.oauth_states FROM authenticated;

-- schemac:step alter table public.oauth_states (privileges of service_role)
REVOKE DELETE, INSERT, SELECT, UPDATE ON TABLE public.oauth_states FROM service_role;

-- schemac:step alter table public.tenants
ALTER TABLE public.tenants DISABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.tenants (privileges of authenticated)
REVOKE SELECT ON TABLE public.tenants FROM authenticated;

-- schemac:step alter table public.tenants (privileges of service_role)
REVOKE DELETE, INSERT, SELECT, UPDATE ON TABLE public.tenants FROM service_role;

-- schemac:step alter table public.workspace_members
ALTER TABLE public.workspace_members DISABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.workspace_members (privileges of authenticated)
REVOKE DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspace_members FROM authenticated;

-- schemac:step alter table public.workspace_members (privileges of service_role)
REVOKE DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspace_members FROM service_role;

-- schemac:step alter table public.workspaces
ALTER TABLE public.workspaces DISABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.workspaces (privileges of authenticated)
REVOKE DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspaces FROM authenticated;

-- schemac:step alter table public.workspaces (privileges of service_role)
REVOKE DELETE, INSERT, SELECT, UPDATE ON TABLE public.workspaces FROM service_role;
