-- The guide's cron jobs, scheduled where pg_cron is installed (Supabase has
-- it); elsewhere the migration goes on and says what to do instead.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
        PERFORM cron.schedule('cleanup-oauth-states', '*/15 * * * *',
            $job$SELECT cleanup_expired_oauth_states_batch()$job$);
        PERFORM cron.schedule('monthly-cleanup', '0 0 1 * *',
            $job$SELECT cleanup_old_analytics_events(90);
                 SELECT cleanup_old_activity_logs(365);
                 SELECT cleanup_old_webhook_events(30)$job$);
    ELSE
        RAISE NOTICE 'pg_cron is not installed: cleanup jobs not scheduled; run cleanup_expired_oauth_states_batch() every 15 minutes and cleanup_old_analytics_events(90), cleanup_old_activity_logs(365), cleanup_old_webhook_events(30) monthly from another scheduler';
    END IF;
END
$$;
