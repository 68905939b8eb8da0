CREATE TABLE posts (id bigint PRIMARY KEY, title text, views bigint NOT NULL DEFAULT 0, updated_at timestamptz);
CREATE VIEW popular AS SELECT id, title, views FROM posts WHERE views > 100;
COMMENT ON VIEW popular IS 'Posts with more than 100 views';
CREATE VIEW popular_titles AS SELECT title FROM popular;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION touch();
