-- The AI Sales Platform's database as its own runner (migrate.ts, 001-035)
-- left it: the schema, rows written by the app, and three generations of
-- hand-made migration tracking. Made with psql, before schemac.
CREATE TABLE merchants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    business_name varchar(255) NOT NULL,
    whatsapp_number varchar(20),
    instagram_username varchar(100),
    subscription_status varchar(20) NOT NULL DEFAULT 'active',
    ai_config jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE merchant_credentials (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
    platform varchar(20) NOT NULL,
    business_account_id varchar(100),
    token_encrypted bytea,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX idx_merchant_credentials_unique ON merchant_credentials (merchant_id, platform);

CREATE TABLE conversations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    merchant_id uuid NOT NULL REFERENCES merchants(id) ON DELETE CASCADE,
    customer_handle varchar(100) NOT NULL,
    platform varchar(20) NOT NULL,
    stage varchar(30) NOT NULL DEFAULT 'greeting',
    last_message_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_conversations_merchant ON conversations (merchant_id, last_message_at DESC);

CREATE TABLE message_logs (
    id bigserial PRIMARY KEY,
    conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    direction varchar(10) NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
    content text NOT NULL,
    ai_generated boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_message_logs_conversation ON message_logs (conversation_id, created_at);

CREATE TABLE webhook_events (
    id bigserial PRIMARY KEY,
    merchant_id uuid REFERENCES merchants(id) ON DELETE CASCADE,
    platform varchar(20) NOT NULL,
    event_id varchar(255) NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'pending',
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (platform, event_id)
);

-- Tracking, three times over: the first runner's table, the second's, and
-- 032_unify_migration_tracking's schema_migrations with checksums.
CREATE TABLE migrations (id serial PRIMARY KEY, name text NOT NULL, run_on timestamptz NOT NULL);
CREATE TABLE _migrations (name text PRIMARY KEY, executed_at timestamptz NOT NULL);
CREATE TABLE schema_migrations (
    version varchar(10) PRIMARY KEY,
    name text NOT NULL,
    checksum char(64) NOT NULL,
    applied_at timestamptz NOT NULL,
    execution_ms integer NOT NULL,
    success boolean NOT NULL DEFAULT true
);
CREATE FUNCTION get_migration_summary()
RETURNS TABLE (total bigint, succeeded bigint, failed bigint, last_applied timestamptz)
LANGUAGE sql STABLE
AS $$ SELECT count(*), count(*) FILTER (WHERE success), count(*) FILTER (WHERE NOT success), max(applied_at) FROM schema_migrations $$;
CREATE VIEW migration_system_status AS
SELECT (SELECT count(*) FROM schema_migrations) AS tracked,
       (SELECT count(*) FROM migrations) AS legacy_migrations,
       (SELECT count(*) FROM _migrations) AS legacy_underscore_migrations;

-- Rows: what the app wrote, dirty where the guide's fixes say it was.
INSERT INTO merchants (id, business_name, whatsapp_number, instagram_username, created_at)
SELECT md5('merchant ' || g)::uuid, 'Shop ' || g,
       CASE WHEN g % 10 = 0 THEN NULL
            WHEN g % 7 = 0 THEN '+1 555 01' || lpad((g % 50)::text, 2, '0')  -- spaces
            WHEN g % 11 = 0 THEN '+1555010' || (g % 3)                       -- a duplicate
            ELSE '+1555' || lpad(g::text, 7, '0') END,
       'shop' || g, TIMESTAMPTZ '2025-01-01 00:00Z' + g * INTERVAL '1 day'
FROM generate_series(1, 60) g;
INSERT INTO conversations (id, merchant_id, customer_handle, platform, last_message_at, created_at)
SELECT md5('conversation ' || g)::uuid, md5('merchant ' || (1 + g % 60))::uuid, 'customer' || g,
       (ARRAY['instagram', 'Instagram', 'INSTAGRAM', 'whatsapp', 'WhatsApp'])[1 + g % 5],
       TIMESTAMPTZ '2026-01-01 00:00Z' + g * INTERVAL '1 hour', TIMESTAMPTZ '2026-01-01 00:00Z'
FROM generate_series(1, 600) g;
INSERT INTO message_logs (conversation_id, direction, content, ai_generated, created_at)
SELECT md5('conversation ' || (1 + g % 600))::uuid, (ARRAY['incoming', 'outgoing'])[1 + g % 2],
       'message ' || g, g % 2 = 1, TIMESTAMPTZ '2026-01-01 00:00Z' + g * INTERVAL '1 minute'
FROM generate_series(1, 3000) g;
INSERT INTO migrations (name, run_on)
SELECT lpad(g::text, 3, '0') || '_migration.sql', TIMESTAMPTZ '2024-01-01 00:00Z' + g * INTERVAL '1 week'
FROM generate_series(1, 12) g;
INSERT INTO _migrations (name, executed_at)
SELECT lpad(g::text, 3, '0') || '_migration.sql', TIMESTAMPTZ '2024-01-01 00:00Z' + g * INTERVAL '1 week'
FROM generate_series(13, 31) g;
INSERT INTO schema_migrations (version, name, checksum, applied_at, execution_ms, success)
SELECT lpad(g::text, 3, '0'), lpad(g::text, 3, '0') || '_migration.sql', encode(sha256(g::text::bytea), 'hex'),
       TIMESTAMPTZ '2024-01-01 00:00Z' + g * INTERVAL '1 week', 10 * g, g <> 31
FROM generate_series(1, 35) g;
