CREATE TABLE metrics (
    tenant_id bigint NOT NULL,
    at timestamptz NOT NULL,
    name text NOT NULL,
    value double precision NOT NULL
) PARTITION BY RANGE (at);
CREATE INDEX metrics_tenant_at_idx ON metrics (tenant_id, at);
CREATE TABLE metrics_2026_01 PARTITION OF metrics
    FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');
CREATE TABLE metrics_2026_02 PARTITION OF metrics
    FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');
CREATE TABLE metrics_2026_03 PARTITION OF metrics
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');
CREATE TABLE metrics_old (
    tenant_id bigint NOT NULL,
    at timestamptz NOT NULL,
    name text NOT NULL,
    value double precision NOT NULL
);
