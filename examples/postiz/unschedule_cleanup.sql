-- The reverse of schedule_cleanup.sql: the jobs go before their functions.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron') THEN
        PERFORM cron.unschedule(jobname) FROM cron.job
        WHERE jobname IN ('cleanup-oauth-states', 'monthly-cleanup');
    END IF;
END
$$;
