CREATE TABLE posts (id bigint PRIMARY KEY, title text, updated_at timestamptz, version int NOT NULL DEFAULT 1);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE FUNCTION check_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version < OLD.version THEN RAISE EXCEPTION 'version went back'; END IF;
    RETURN NULL;
END
$$;
