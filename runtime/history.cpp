#include "runtime/history.h"

namespace schemac::runtime {
namespace {

// Linearity lives in the table: every row but the first names its
// predecessor, a predecessor has one successor at most, there is one first
// row, and only one migration can be in progress.
constexpr const char* k_create_history = R"sql(
CREATE SCHEMA IF NOT EXISTS schemac;
CREATE TABLE IF NOT EXISTS schemac.schema_migrations (
    version integer PRIMARY KEY CHECK (version > 0),
    previous_version integer UNIQUE REFERENCES schemac.schema_migrations (version),
    name text NOT NULL CHECK (name ~ '^[a-z0-9_]+$'),
    up_sha256 text NOT NULL CHECK (up_sha256 ~ '^[0-9a-f]{64}$'),
    down_sha256 text NOT NULL CHECK (down_sha256 ~ '^[0-9a-f]{64}$'),
    fingerprint_before text NOT NULL CHECK (fingerprint_before ~ '^[0-9a-f]{64}$'),
    fingerprint_after text CHECK (fingerprint_after ~ '^[0-9a-f]{64}$'),
    catalog_after text,
    state text NOT NULL CONSTRAINT schema_migrations_state_check
        CHECK (state IN ('applying', 'applied', 'reverting', 'failed')),
    steps_done integer NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
    applied_at timestamptz NOT NULL DEFAULT now(),
    duration_ms bigint CHECK (duration_ms >= 0),
    applied_by text NOT NULL DEFAULT session_user,
    error text,
    CHECK (previous_version < version),
    CHECK (state <> 'applied' OR (fingerprint_after IS NOT NULL AND catalog_after IS NOT NULL
                                  AND duration_ms IS NOT NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS schema_migrations_one_first
    ON schemac.schema_migrations ((true)) WHERE previous_version IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS schema_migrations_one_in_progress
    ON schemac.schema_migrations ((true)) WHERE state <> 'applied';
-- A table made by an older schemac gains the failed state; no lock is taken
-- when it has it already.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_attribute
                   WHERE attrelid = 'schemac.schema_migrations'::regclass
                     AND attname = 'error' AND NOT attisdropped) THEN
        ALTER TABLE schemac.schema_migrations
            ADD COLUMN error text,
            DROP CONSTRAINT schema_migrations_state_check,
            ADD CONSTRAINT schema_migrations_state_check
                CHECK (state IN ('applying', 'applied', 'reverting', 'failed'));
    END IF;
END $$;
)sql";

} // namespace

Status ensure_history_table(Connection& conn) {
    if (auto made = conn.exec(k_create_history); !made)
        return std::move(made).error();
    return Ok{};
}

Result<std::vector<AppliedMigration>> read_history(Connection& conn) {
    auto exists = conn.exec("SELECT to_regclass('schemac.schema_migrations') IS NOT NULL");
    if (!exists)
        return std::move(exists).error();
    std::vector<AppliedMigration> out;
    if (exists->single() != "t")
        return out;
    auto rows = conn.exec(
        "SELECT version, name, up_sha256, down_sha256, fingerprint_after, catalog_after, state, "
        "steps_done, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC' "
        "AS applied_at, duration_ms, applied_by, fingerprint_before, "
        // A table made by an older schemac has no error column.
        "to_jsonb(m) ->> 'error' AS error FROM schemac.schema_migrations m ORDER BY version");
    if (!rows)
        return std::move(rows).error();
    for (auto row : *rows)
        out.push_back({std::stoi(row.text("version")), row.text("name"), row.text("up_sha256"),
                       row.text("down_sha256"), row.text("fingerprint_after"),
                       row.text("catalog_after"), row.text("state"),
                       std::stoi(row.text("steps_done")), row.text("applied_at"),
                       row.text("duration_ms"), row.text("applied_by"),
                       row.text("fingerprint_before"), row.text("error")});
    return out;
}

} // namespace schemac::runtime
