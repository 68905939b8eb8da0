-- schemac migration 0002_fk_indexes (up)
--
--   create index public.credentials_member_idx (concurrently)
--   create index public.oauth_states_workspace_idx (concurrently)

-- schemac:step create index public.credentials_member_idx (concurrently)
-- schemac:no-transaction
-- hazard index-build: builds index public.credentials_member_idx concurrently on the existing table public.credentials: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY credentials_member_idx ON public.credentials USING btree (workspace_id, user_id);

-- schemac:step create index public.oauth_states_workspace_idx (concurrently)
-- schemac:no-transaction
-- hazard index-build: builds index public.oauth_states_workspace_idx concurrently on the existing table public.oauth_states: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY oauth_states_workspace_idx ON public.oauth_states USING btree (workspace_id);
