-- The guide's constraint fixes, as statements over the tables `schemac
-- init` wrote. Existing rows break them: fix_dirty_data.sql cleans them in
-- the migration's data phase, before each constraint is validated.

-- 017_fix_platform_case_sensitivity: 'Instagram', 'INSTAGRAM', 'WhatsApp'
-- were three platforms to every query that compared them.
ALTER TABLE conversations ADD CONSTRAINT conversations_platform_lower
    CHECK (platform = lower(platform));
ALTER TABLE merchant_credentials ADD CONSTRAINT merchant_credentials_platform_lower
    CHECK (platform = lower(platform));
ALTER TABLE webhook_events ADD CONSTRAINT webhook_events_platform_lower
    CHECK (platform = lower(platform));

-- 016_webhook_status_normalization.
ALTER TABLE webhook_events ADD CONSTRAINT webhook_events_status_check
    CHECK (status IN ('pending', 'processed', 'failed'));

-- 029/034_fix_whatsapp_number: optional, but well-formed and one merchant's.
ALTER TABLE merchants ADD CONSTRAINT merchants_whatsapp_number_format
    CHECK (whatsapp_number ~ '^\+[0-9]{8,15}$');
ALTER TABLE merchants ADD CONSTRAINT merchants_whatsapp_number_key UNIQUE (whatsapp_number);

