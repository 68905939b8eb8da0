-- Engagement per post and provider, sampled over time. One partition per
-- month: old months are detached and archived, new ones added ahead.
CREATE TABLE post_metrics (
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    post_id uuid NOT NULL,
    provider text NOT NULL,
    recorded_at timestamptz NOT NULL,
    impressions bigint NOT NULL DEFAULT 0 CHECK (impressions >= 0),
    clicks bigint NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    PRIMARY KEY (workspace_id, post_id, provider, recorded_at)
) PARTITION BY RANGE (recorded_at);

COMMENT ON TABLE post_metrics IS 'Engagement samples; partitioned by month of recorded_at.';

CREATE TABLE post_metrics_2026_11 PARTITION OF post_metrics
    FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');
CREATE TABLE post_metrics_2026_12 PARTITION OF post_metrics
    FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');
-- Rows outside every month land here until their partition exists.
CREATE TABLE post_metrics_default PARTITION OF post_metrics DEFAULT;

ALTER TABLE post_metrics ENABLE ROW LEVEL SECURITY;
CREATE POLICY post_metrics_tenant ON post_metrics FOR SELECT TO authenticated
    USING (in_current_tenant(workspace_id));

GRANT SELECT ON post_metrics TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON post_metrics TO service_role;

-- What a tenant used, per day, for billing and plan limits.
CREATE TABLE usage_counters (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    day date NOT NULL,
    metric text NOT NULL CHECK (metric IN ('posts', 'media_bytes', 'api_calls', 'webhooks')),
    value bigint NOT NULL DEFAULT 0 CHECK (value >= 0),
    PRIMARY KEY (tenant_id, day, metric)
);

ALTER TABLE usage_counters ENABLE ROW LEVEL SECURITY;
CREATE POLICY usage_counters_tenant ON usage_counters FOR SELECT TO authenticated
    USING (tenant_id = current_tenant_id());

GRANT SELECT ON usage_counters TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON usage_counters TO service_role;

-- Clicks per impression, 0 when nothing was shown.
CREATE FUNCTION engagement_rate(impressions numeric, clicks numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN impressions = 0 THEN 0 ELSE round(clicks / impressions, 4) END;

-- The dashboard: daily totals per workspace, refreshed by a background job
-- (REFRESH MATERIALIZED VIEW). It has no row-level security of its own, so
-- the API reads it through workspace_dashboard_mine.
CREATE MATERIALIZED VIEW workspace_dashboard AS
    SELECT workspace_id,
           date_trunc('day', recorded_at) AS day,
           sum(impressions) AS impressions,
           sum(clicks) AS clicks,
           engagement_rate(sum(impressions), sum(clicks)) AS engagement
    FROM post_metrics
    GROUP BY workspace_id, date_trunc('day', recorded_at);

CREATE VIEW workspace_dashboard_mine WITH (security_barrier = true) AS
    SELECT * FROM workspace_dashboard WHERE in_current_tenant(workspace_id);

GRANT SELECT ON workspace_dashboard_mine TO authenticated;
GRANT SELECT ON workspace_dashboard TO service_role;
