CREATE FUNCTION new_code(prefix text) RETURNS text LANGUAGE sql VOLATILE
    RETURN prefix || '-' || substr(md5(random()::text), 1, 8);
CREATE TABLE webhooks (
    id bigint PRIMARY KEY,
    code text NOT NULL DEFAULT new_code('wh'),
    secret text NOT NULL
);
CREATE FUNCTION keep_secret() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.secret := OLD.secret;
    RETURN NEW;
END
$$;
CREATE TRIGGER webhooks_keep_secret BEFORE UPDATE ON webhooks
    FOR EACH ROW EXECUTE FUNCTION keep_secret();
