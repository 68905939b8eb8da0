CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO authenticated, service_role;
CREATE TABLE app.posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text, secret text);
-- authenticated loses INSERT and may read every column but secret.
GRANT SELECT (id, title) ON app.posts TO authenticated;
GRANT ALL ON app.posts TO service_role WITH GRANT OPTION;
GRANT USAGE ON SEQUENCE app.posts_id_seq TO service_role;
-- Callable by the roles named, not by everyone.
CREATE FUNCTION app.rank(p app.posts) RETURNS int LANGUAGE sql STABLE RETURN length(p.title);
REVOKE EXECUTE ON FUNCTION app.rank(app.posts) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.rank(app.posts) TO authenticated;
CREATE TYPE app.state AS ENUM ('a', 'b');
REVOKE USAGE ON TYPE app.state FROM PUBLIC;
CREATE VIEW app.titles AS SELECT id, title FROM app.posts;
GRANT SELECT ON app.titles TO authenticated;
