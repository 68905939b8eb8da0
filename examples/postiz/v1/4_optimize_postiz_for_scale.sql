-- 4. optimize_postiz_for_scale.sql: the indexes, the background job
-- functions and the monitoring functions.

-- workspaces and members
CREATE INDEX IF NOT EXISTS idx_workspaces_created_at ON workspaces (created_at DESC);
CREATE INDEX IF NOT EXISTS idx_workspaces_plan ON workspaces (plan) WHERE plan <> 'free';
CREATE INDEX IF NOT EXISTS idx_workspace_members_workspace_role ON workspace_members (workspace_id, role);

-- social accounts and credentials
CREATE INDEX IF NOT EXISTS idx_social_accounts_workspace_id ON social_accounts (workspace_id);
CREATE INDEX IF NOT EXISTS idx_social_accounts_connected_by ON social_accounts (connected_by);
CREATE INDEX IF NOT EXISTS idx_social_accounts_provider ON social_accounts (provider);
CREATE INDEX IF NOT EXISTS idx_social_accounts_workspace_provider ON social_accounts (workspace_id, provider);
CREATE INDEX IF NOT EXISTS idx_social_accounts_active ON social_accounts (workspace_id) WHERE status = 'active';
CREATE INDEX IF NOT EXISTS idx_credentials_token_expires_at ON credentials (token_expires_at)
    WHERE token_expires_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_credentials_updated_at ON credentials (updated_at);

-- posts and their targets
CREATE INDEX IF NOT EXISTS idx_posts_workspace_id ON posts (workspace_id);
CREATE INDEX IF NOT EXISTS idx_posts_author_id ON posts (author_id);
CREATE INDEX IF NOT EXISTS idx_posts_status ON posts (status);
CREATE INDEX IF NOT EXISTS idx_posts_workspace_status ON posts (workspace_id, status);
CREATE INDEX IF NOT EXISTS idx_posts_workspace_created ON posts (workspace_id, created_at DESC);
CREATE INDEX IF NOT EXISTS idx_posts_scheduled_at ON posts (scheduled_at) WHERE status = 'scheduled';
CREATE INDEX IF NOT EXISTS idx_posts_published_at ON posts (published_at DESC) WHERE published_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_post_targets_post_id ON post_targets (post_id);
CREATE INDEX IF NOT EXISTS idx_post_targets_social_account_id ON post_targets (social_account_id);
CREATE INDEX IF NOT EXISTS idx_post_targets_status ON post_targets (status);
CREATE INDEX IF NOT EXISTS idx_post_targets_pending ON post_targets (post_id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS idx_post_targets_provider_post_id ON post_targets (provider_post_id)
    WHERE provider_post_id IS NOT NULL;

-- media and schedules
CREATE INDEX IF NOT EXISTS idx_media_assets_workspace_id ON media_assets (workspace_id);
CREATE INDEX IF NOT EXISTS idx_media_assets_post_id ON media_assets (post_id);
CREATE INDEX IF NOT EXISTS idx_media_assets_created_at ON media_assets (created_at DESC);
CREATE INDEX IF NOT EXISTS idx_schedules_workspace_id ON schedules (workspace_id);
CREATE INDEX IF NOT EXISTS idx_schedules_social_account_id ON schedules (social_account_id);
CREATE INDEX IF NOT EXISTS idx_schedules_active_slot ON schedules (day_of_week, time_of_day) WHERE active;

-- the job queue
CREATE INDEX IF NOT EXISTS idx_queue_jobs_workspace_id ON queue_jobs (workspace_id);
CREATE INDEX IF NOT EXISTS idx_queue_jobs_status ON queue_jobs (status);
CREATE INDEX IF NOT EXISTS idx_queue_jobs_pending_run_at ON queue_jobs (run_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS idx_queue_jobs_job_type ON queue_jobs (job_type, status);
CREATE INDEX IF NOT EXISTS idx_queue_jobs_locked_at ON queue_jobs (locked_at) WHERE status = 'running';

-- tags
CREATE INDEX IF NOT EXISTS idx_tags_workspace_id ON tags (workspace_id);
CREATE INDEX IF NOT EXISTS idx_post_tags_tag_id ON post_tags (tag_id);

-- analytics, webhooks, activity
CREATE INDEX IF NOT EXISTS idx_analytics_events_workspace_id ON analytics_events (workspace_id);
CREATE INDEX IF NOT EXISTS idx_analytics_events_post_target_id ON analytics_events (post_target_id);
CREATE INDEX IF NOT EXISTS idx_analytics_events_recorded_at ON analytics_events (recorded_at);
CREATE INDEX IF NOT EXISTS idx_analytics_events_workspace_metric ON analytics_events (workspace_id, metric, recorded_at DESC);
CREATE INDEX IF NOT EXISTS idx_webhook_events_received_at ON webhook_events (received_at);
CREATE INDEX IF NOT EXISTS idx_webhook_events_unprocessed ON webhook_events (received_at) WHERE processed_at IS NULL;
CREATE INDEX IF NOT EXISTS idx_webhook_events_provider_type ON webhook_events (provider, event_type);
CREATE INDEX IF NOT EXISTS idx_activity_logs_workspace_id ON activity_logs (workspace_id);
CREATE INDEX IF NOT EXISTS idx_activity_logs_actor_id ON activity_logs (actor_id);
CREATE INDEX IF NOT EXISTS idx_activity_logs_created_at ON activity_logs (created_at);
CREATE INDEX IF NOT EXISTS idx_activity_logs_entity ON activity_logs (entity_type, entity_id);

-- OAuth states
CREATE INDEX IF NOT EXISTS idx_oauth_states_expires_at ON oauth_states (expires_at);
CREATE INDEX IF NOT EXISTS idx_oauth_states_workspace_id ON oauth_states (workspace_id);
CREATE INDEX IF NOT EXISTS idx_oauth_states_user_id ON oauth_states (user_id);

-- Background jobs: tokens that expire within the hour get a refresh job.
CREATE OR REPLACE FUNCTION refresh_expiring_tokens()
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    queued integer;
BEGIN
    INSERT INTO queue_jobs (workspace_id, job_type, payload)
    SELECT sa.workspace_id, 'refresh_token', jsonb_build_object('credential_id', c.id)
    FROM credentials c
    JOIN social_accounts sa ON sa.id = c.social_account_id
    WHERE c.token_expires_at < now() + interval '1 hour'
      AND sa.status = 'active'
      AND NOT EXISTS (
          SELECT 1 FROM queue_jobs q
          WHERE q.job_type = 'refresh_token' AND q.status IN ('pending', 'running')
            AND q.payload ->> 'credential_id' = c.id::text
      );
    GET DIAGNOSTICS queued = ROW_COUNT;
    RETURN queued;
END;
$$;

-- Data retention, called monthly (see the cron data step).
CREATE OR REPLACE FUNCTION cleanup_old_analytics_events(days integer DEFAULT 90)
RETURNS integer
LANGUAGE sql
AS $$
    WITH deleted AS (
        DELETE FROM analytics_events WHERE recorded_at < now() - make_interval(days => days)
        RETURNING 1
    )
    SELECT count(*)::integer FROM deleted
$$;

CREATE OR REPLACE FUNCTION cleanup_old_activity_logs(days integer DEFAULT 365)
RETURNS integer
LANGUAGE sql
AS $$
    WITH deleted AS (
        DELETE FROM activity_logs WHERE created_at < now() - make_interval(days => days)
        RETURNING 1
    )
    SELECT count(*)::integer FROM deleted
$$;

CREATE OR REPLACE FUNCTION cleanup_old_webhook_events(days integer DEFAULT 30)
RETURNS integer
LANGUAGE sql
AS $$
    WITH deleted AS (
        DELETE FROM webhook_events
        WHERE processed_at IS NOT NULL AND received_at < now() - make_interval(days => days)
        RETURNING 1
    )
    SELECT count(*)::integer FROM deleted
$$;

-- Monitoring.
CREATE OR REPLACE FUNCTION get_queue_stats()
RETURNS TABLE (status text, jobs bigint, oldest_run_at timestamptz)
LANGUAGE sql STABLE
AS $$
    SELECT q.status, count(*), min(q.run_at)
    FROM queue_jobs q
    GROUP BY q.status
    ORDER BY q.status
$$;

CREATE OR REPLACE FUNCTION get_workspace_stats(p_workspace_id uuid)
RETURNS TABLE (members bigint, social_accounts bigint, posts bigint, scheduled_posts bigint)
LANGUAGE sql STABLE
AS $$
    SELECT
        (SELECT count(*) FROM workspace_members m WHERE m.workspace_id = p_workspace_id),
        (SELECT count(*) FROM social_accounts s WHERE s.workspace_id = p_workspace_id),
        (SELECT count(*) FROM posts p WHERE p.workspace_id = p_workspace_id),
        (SELECT count(*) FROM posts p WHERE p.workspace_id = p_workspace_id AND p.status = 'scheduled')
$$;

REVOKE EXECUTE ON FUNCTION refresh_expiring_tokens(), cleanup_expired_oauth_states_batch(integer),
    cleanup_old_analytics_events(integer), cleanup_old_activity_logs(integer),
    cleanup_old_webhook_events(integer), get_queue_stats() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_expiring_tokens(), cleanup_expired_oauth_states_batch(integer),
    cleanup_old_analytics_events(integer), cleanup_old_activity_logs(integer),
    cleanup_old_webhook_events(integer), get_queue_stats() TO service_role;
