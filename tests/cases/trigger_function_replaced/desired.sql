CREATE TABLE posts (id bigint PRIMARY KEY, title text, updated_at timestamptz, version int NOT NULL DEFAULT 1);
-- The body changes: CREATE OR REPLACE, and the trigger stays.
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := clock_timestamp();
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;
COMMENT ON FUNCTION touch() IS 'Stamps and versions every update';
-- The WHEN condition changes: the trigger is dropped and created.
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW
    WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch();
CREATE FUNCTION check_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version < OLD.version THEN RAISE EXCEPTION 'version went back'; END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER posts_version AFTER UPDATE OF version ON posts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_version();
COMMENT ON TRIGGER posts_version ON posts IS 'Checked at commit';
