-- 033_add_rls_functions and 025_implement_rls_policies: each merchant sees
-- its own rows; the admin flag sees every merchant's. The application sets
-- app.current_merchant_id (and app.is_admin) per request, as app_user.
CREATE FUNCTION current_merchant_id() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.current_merchant_id', true), '')::uuid $$;

CREATE FUNCTION is_admin_user() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(nullif(current_setting('app.is_admin', true), '')::boolean, false) $$;

ALTER TABLE merchants ENABLE ROW LEVEL SECURITY;
ALTER TABLE merchant_credentials ENABLE ROW LEVEL SECURITY;
ALTER TABLE conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_logs ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_events ENABLE ROW LEVEL SECURITY;

CREATE POLICY merchant_isolation ON merchants FOR ALL TO app_user
    USING (id = current_merchant_id() OR is_admin_user());
CREATE POLICY merchant_isolation ON merchant_credentials FOR ALL TO app_user
    USING (merchant_id = current_merchant_id() OR is_admin_user());
CREATE POLICY merchant_isolation ON conversations FOR ALL TO app_user
    USING (merchant_id = current_merchant_id() OR is_admin_user());
CREATE POLICY merchant_isolation ON message_logs FOR ALL TO app_user
    USING (EXISTS (SELECT 1 FROM conversations c
                   WHERE c.id = conversation_id
                     AND (c.merchant_id = current_merchant_id() OR is_admin_user())));
CREATE POLICY merchant_isolation ON webhook_events FOR ALL TO app_user
    USING (merchant_id = current_merchant_id() OR is_admin_user());

GRANT SELECT, INSERT, UPDATE, DELETE
    ON merchants, merchant_credentials, conversations, message_logs, webhook_events TO app_user;
GRANT USAGE ON SEQUENCE message_logs_id_seq, webhook_events_id_seq TO app_user;
