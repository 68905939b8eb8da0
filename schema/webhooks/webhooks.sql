-- Outgoing webhooks: endpoints subscribe to event types; every event is
-- delivered to each subscribed endpoint, retried with exponential backoff.
CREATE TYPE webhook_delivery_status AS ENUM ('pending', 'delivered', 'failed', 'dead');

CREATE TABLE webhook_endpoints (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    url text NOT NULL CHECK (url ~ '^https://'),
    -- The HMAC-SHA256 key that signs each delivery (X-Signature header).
    secret text NOT NULL CHECK (length(secret) >= 32),
    event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON COLUMN webhook_endpoints.secret IS 'HMAC-SHA256 signing key; shown to the user once.';

CREATE INDEX webhook_endpoints_workspace_idx ON webhook_endpoints (workspace_id);

CREATE TRIGGER webhook_endpoints_set_updated_at BEFORE UPDATE ON webhook_endpoints
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TABLE webhook_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    event_type text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX webhook_events_workspace_idx ON webhook_events (workspace_id, created_at);

CREATE TABLE webhook_deliveries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    endpoint_id bigint NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_id bigint NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    status webhook_delivery_status NOT NULL DEFAULT 'pending',
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 12),
    -- Backoff: the next try waits 2^attempts minutes.
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    response_status smallint,
    last_error text,
    delivered_at timestamptz,
    CONSTRAINT webhook_deliveries_endpoint_event_key UNIQUE (endpoint_id, event_id)
);

CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'failed');

ALTER TABLE webhook_endpoints ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_endpoints_tenant ON webhook_endpoints TO authenticated
    USING (in_current_tenant(workspace_id)) WITH CHECK (in_current_tenant(workspace_id));
ALTER TABLE webhook_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_events_tenant ON webhook_events FOR SELECT TO authenticated
    USING (in_current_tenant(workspace_id));
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
CREATE POLICY webhook_deliveries_tenant ON webhook_deliveries FOR SELECT TO authenticated
    USING (EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.id = endpoint_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints TO authenticated;
GRANT SELECT ON webhook_events, webhook_deliveries TO authenticated;
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoints, webhook_events, webhook_deliveries
    TO service_role;

-- Run daily by a background job: events older than the retention period go,
-- and their deliveries with them. Returns how many events were deleted.
CREATE FUNCTION delete_old_webhook_events(retention interval DEFAULT interval '30 days')
    RETURNS bigint
    LANGUAGE plpgsql AS $$
DECLARE
    deleted bigint;
BEGIN
    DELETE FROM webhook_events WHERE created_at < now() - retention;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    RETURN deleted;
END
$$;

REVOKE EXECUTE ON FUNCTION delete_old_webhook_events(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION delete_old_webhook_events(interval) TO service_role;
