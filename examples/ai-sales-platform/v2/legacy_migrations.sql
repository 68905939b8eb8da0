-- 032_unify_migration_tracking, the last time: schemac's history tracks the
-- migrations from now on, and the three hand-made tracking tables go. Their
-- rows are kept here, for the audit trail (fix_dirty_data.sql copies them).
CREATE TABLE legacy_migrations (
    source_table text NOT NULL CHECK (source_table IN ('migrations', '_migrations', 'schema_migrations')),
    name text NOT NULL,
    applied_at timestamptz NOT NULL,
    record jsonb NOT NULL,
    PRIMARY KEY (source_table, name)
);
COMMENT ON TABLE legacy_migrations IS
    'What the hand-made runners recorded before schemac (read-only).';
