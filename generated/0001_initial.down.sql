-- schemac migration 0001_initial (down)
--
--   drop table public.credentials
--   drop table public.oauth_states
--   drop table public.workspace_members
--   drop table public.workspaces
--   drop table public.tenants
--   drop type public.tenant_plan
--   drop type public.tenant_status
--   drop type public.workspace_role

-- schemac:step drop table public.credentials
-- hazard data-loss: drops table public.credentials and every row in it
DROP TABLE public.credentials;

-- schemac:step drop table public.oauth_states
-- hazard data-loss: drops table public.oauth_states and every row in it
DROP TABLE public.oauth_states;

-- schemac:step drop table public.workspace_members
-- hazard data-loss: drops table public.workspace_members and every row in it
DROP TABLE public.workspace_members;

-- schemac:step drop table public.workspaces
-- hazard data-loss: drops table public.workspaces and every row in it
DROP TABLE public.workspaces;

-- schemac:step drop table public.tenants
-- hazard data-loss: drops table public.tenants and every row in it
DROP TABLE public.tenants;

-- schemac:step drop type public.tenant_plan
DROP TYPE public.tenant_plan;

-- schemac:step drop type public.tenant_status
DROP TYPE public.tenant_status;

-- schemac:step drop type public.workspace_role
DROP TYPE public.workspace_role;
