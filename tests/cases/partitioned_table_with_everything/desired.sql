-- A partitioned table with a key, a foreign key, an index, a trigger, a
-- policy and grants, all declared once on the parent; two partitions.
CREATE TABLE tenants (id bigint PRIMARY KEY);
CREATE TABLE usage_events (
    tenant_id bigint NOT NULL REFERENCES tenants (id),
    at timestamptz NOT NULL,
    kind text NOT NULL,
    amount bigint NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (tenant_id, at, kind)
) PARTITION BY RANGE (at);
CREATE INDEX usage_events_kind_idx ON usage_events (kind, at);
CREATE TABLE usage_events_2026_11 PARTITION OF usage_events
    FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');
CREATE TABLE usage_events_2026_12 PARTITION OF usage_events
    FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');
CREATE FUNCTION reject_negative() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.amount < 0 THEN RAISE EXCEPTION 'negative usage'; END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER usage_events_check BEFORE INSERT ON usage_events
    FOR EACH ROW EXECUTE FUNCTION reject_negative();
ALTER TABLE usage_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY usage_events_tenant ON usage_events
    USING (tenant_id = current_setting('app.tenant_id')::bigint);
GRANT SELECT ON usage_events TO authenticated;
GRANT SELECT, INSERT ON usage_events TO service_role;
