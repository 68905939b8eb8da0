-- An argument is renamed (CREATE OR REPLACE refuses): the default that calls
-- it is dropped first and set again after.
CREATE FUNCTION new_code(kind text) RETURNS text LANGUAGE sql VOLATILE
    RETURN kind || '-' || substr(md5(random()::text), 1, 8);
CREATE TABLE webhooks (
    id bigint PRIMARY KEY,
    code text NOT NULL DEFAULT new_code('wh'),
    secret text NOT NULL
);
-- SECURITY DEFINER is added: CREATE OR REPLACE, and the trigger stays.
CREATE FUNCTION keep_secret() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    NEW.secret := OLD.secret;
    RETURN NEW;
END
$$;
CREATE TRIGGER webhooks_keep_secret BEFORE UPDATE ON webhooks
    FOR EACH ROW EXECUTE FUNCTION keep_secret();
