-- schemac migration 0002_fk_indexes (down)
--
--   drop index public.credentials_member_idx (concurrently)
--   drop index public.oauth_states_workspace_idx (concurrently)

-- schemac:step drop index public.credentials_member_idx (concurrently)
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.credentials_member_idx;

-- schemac:step drop index public.oauth_states_workspace_idx (concurrently)
-- schemac:no-transaction
DROP INDEX CONCURRENTLY public.oauth_states_workspace_idx;
