-- The data phase of the fixes migration.
-- 017: one spelling per platform.
UPDATE conversations SET platform = lower(platform) WHERE platform <> lower(platform);
UPDATE merchant_credentials SET platform = lower(platform) WHERE platform <> lower(platform);
UPDATE webhook_events SET platform = lower(platform) WHERE platform <> lower(platform);
UPDATE webhook_events SET status = 'processed' WHERE status NOT IN ('pending', 'processed', 'failed');
-- 034: numbers without spaces; one that is still not a number is cleared,
-- and a number two merchants share stays with the older one.
UPDATE merchants SET whatsapp_number = regexp_replace(whatsapp_number, '[^+0-9]', '', 'g')
WHERE whatsapp_number ~ '[^+0-9]';
UPDATE merchants SET whatsapp_number = NULL WHERE whatsapp_number !~ '^\+[0-9]{8,15}$';
UPDATE merchants m SET whatsapp_number = NULL
WHERE EXISTS (SELECT 1 FROM merchants o
              WHERE o.whatsapp_number = m.whatsapp_number
                AND (o.created_at, o.id) < (m.created_at, m.id));
-- 032: the hand-made tracking rows, kept.
INSERT INTO legacy_migrations (source_table, name, applied_at, record)
SELECT 'migrations', name, run_on, to_jsonb(m) FROM migrations m
UNION ALL
SELECT '_migrations', name, executed_at, to_jsonb(m) FROM _migrations m
UNION ALL
SELECT 'schema_migrations', version, applied_at, to_jsonb(m) FROM schema_migrations m;
