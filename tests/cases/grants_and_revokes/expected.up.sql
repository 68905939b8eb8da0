GRANT USAGE ON SCHEMA app TO service_role;

REVOKE USAGE ON TYPE app.state FROM PUBLIC;

REVOKE INSERT, SELECT ON TABLE app.posts FROM authenticated;

REVOKE DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE app.posts FROM service_role;
GRANT DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE app.posts TO service_role WITH GRANT OPTION;

GRANT SELECT (id) ON TABLE app.posts TO authenticated;

GRANT SELECT (title) ON TABLE app.posts TO authenticated;

REVOKE EXECUTE ON FUNCTION app.rank(app.posts) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION app.rank(app.posts) TO authenticated;

CREATE VIEW app.titles AS
 SELECT posts.id,
    posts.title
   FROM app.posts;

GRANT SELECT ON TABLE app.titles TO authenticated;
