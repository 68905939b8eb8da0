-- The reverse data phase: the tracking tables come back with their rows.
INSERT INTO migrations
SELECT (jsonb_populate_record(NULL::migrations, record)).* FROM legacy_migrations
WHERE source_table = 'migrations';
SELECT setval(pg_get_serial_sequence('public.migrations', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM migrations), false);
INSERT INTO _migrations
SELECT (jsonb_populate_record(NULL::_migrations, record)).* FROM legacy_migrations
WHERE source_table = '_migrations';
INSERT INTO schema_migrations
SELECT (jsonb_populate_record(NULL::schema_migrations, record)).* FROM legacy_migrations
WHERE source_table = 'schema_migrations';
