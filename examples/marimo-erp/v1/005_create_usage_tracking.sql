-- 005: Usage metrics and billing
CREATE TABLE IF NOT EXISTS usage_metrics (
    id BIGSERIAL PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    metric_type VARCHAR(50) NOT NULL
        CHECK (metric_type IN ('api_calls', 'storage_bytes', 'users_count', 'reports_generated')),
    value NUMERIC(20, 2) NOT NULL DEFAULT 0,
    recorded_at TIMESTAMP NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS user_activities (
    id BIGSERIAL PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    action VARCHAR(100) NOT NULL,
    resource_type VARCHAR(50),
    resource_id VARCHAR(100),
    ip_address INET,
    created_at TIMESTAMP NOT NULL DEFAULT NOW()
);

CREATE TABLE IF NOT EXISTS api_usage_logs (
    id BIGSERIAL PRIMARY KEY,
    tenant_id UUID NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    endpoint VARCHAR(500) NOT NULL,
    method VARCHAR(10) NOT NULL CHECK (method IN ('GET', 'POST', 'PUT', 'PATCH', 'DELETE')),
    status_code INTEGER NOT NULL,
    response_time_ms INTEGER,
    created_at TIMESTAMP NOT NULL DEFAULT NOW()
);

CREATE INDEX IF NOT EXISTS idx_usage_metrics_tenant_type_time ON usage_metrics(tenant_id, metric_type, recorded_at);
CREATE INDEX IF NOT EXISTS idx_user_activities_tenant_created ON user_activities(tenant_id, created_at);
CREATE INDEX IF NOT EXISTS idx_user_activities_user_id ON user_activities(user_id);
CREATE INDEX IF NOT EXISTS idx_api_usage_logs_tenant_created ON api_usage_logs(tenant_id, created_at);

-- Calculate aggregates.
CREATE OR REPLACE FUNCTION aggregate_usage_metrics(
    p_tenant_id UUID,
    p_metric_type VARCHAR,
    p_start TIMESTAMP,
    p_end TIMESTAMP
)
RETURNS TABLE (total NUMERIC, average NUMERIC, peak NUMERIC, samples BIGINT) AS $$
    SELECT COALESCE(SUM(value), 0), ROUND(AVG(value), 2), MAX(value), COUNT(*)
    FROM usage_metrics
    WHERE tenant_id = p_tenant_id
      AND metric_type = p_metric_type
      AND recorded_at >= p_start AND recorded_at < p_end
$$ LANGUAGE sql STABLE;

-- Verify usage limits.
CREATE OR REPLACE FUNCTION check_tenant_limit(
    p_tenant_id UUID,
    p_metric_type VARCHAR,
    p_limit NUMERIC
)
RETURNS TABLE (current_usage NUMERIC, usage_limit NUMERIC, within_limit BOOLEAN) AS $$
DECLARE
    used NUMERIC;
BEGIN
    IF p_metric_type = 'users_count' THEN
        SELECT COUNT(*) INTO used FROM users WHERE tenant_id = p_tenant_id;
    ELSE
        SELECT COALESCE(SUM(value), 0) INTO used FROM usage_metrics
        WHERE tenant_id = p_tenant_id AND metric_type = p_metric_type
          AND recorded_at >= date_trunc('month', NOW());
    END IF;
    RETURN QUERY SELECT used, p_limit, used < p_limit;
END;
$$ LANGUAGE plpgsql STABLE;

-- Clean activity logs (> 180 days).
CREATE OR REPLACE FUNCTION cleanup_activity_logs()
RETURNS INTEGER AS $$
DECLARE
    deleted INTEGER;
BEGIN
    DELETE FROM user_activities WHERE created_at < NOW() - INTERVAL '180 days';
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END;
$$ LANGUAGE plpgsql;
