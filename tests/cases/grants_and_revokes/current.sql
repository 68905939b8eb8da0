CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO authenticated;
CREATE TABLE app.posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text, secret text);
GRANT SELECT, INSERT ON app.posts TO authenticated;
GRANT ALL ON app.posts TO service_role;
CREATE FUNCTION app.rank(p app.posts) RETURNS int LANGUAGE sql STABLE RETURN length(p.title);
CREATE TYPE app.state AS ENUM ('a', 'b');
