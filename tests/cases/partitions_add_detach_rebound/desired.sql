-- A column and an index added once on the parent (its partitions follow), a
-- partition added, one detached (it stays, as a plain table), one re-bounded
-- (detached and attached again), a plain table attached, and a default.
CREATE TABLE metrics (
    tenant_id bigint NOT NULL,
    at timestamptz NOT NULL,
    name text NOT NULL,
    value double precision NOT NULL,
    unit text
) PARTITION BY RANGE (at);
CREATE INDEX metrics_tenant_at_idx ON metrics (tenant_id, at);
CREATE INDEX metrics_name_idx ON metrics (name);
COMMENT ON TABLE metrics IS 'Time series, one partition per month';
CREATE TABLE metrics_2026_02 PARTITION OF metrics
    FOR VALUES FROM ('2026-02-01 00:00:00+00') TO ('2026-03-01 00:00:00+00');
CREATE TABLE metrics_2026_03 PARTITION OF metrics
    FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');
CREATE TABLE metrics_2026_05 PARTITION OF metrics
    FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-06-01 00:00:00+00');
CREATE TABLE metrics_default PARTITION OF metrics DEFAULT;
CREATE TABLE metrics_2026_01 (
    tenant_id bigint NOT NULL,
    at timestamptz NOT NULL,
    name text NOT NULL,
    value double precision NOT NULL,
    unit text
);
CREATE TABLE metrics_old PARTITION OF metrics
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');
