REVOKE USAGE ON SCHEMA app FROM service_role;

GRANT USAGE ON TYPE app.state TO PUBLIC;

GRANT INSERT, SELECT ON TABLE app.posts TO authenticated;

REVOKE DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE app.posts FROM service_role;
GRANT DELETE, INSERT, REFERENCES, SELECT, TRIGGER, TRUNCATE, UPDATE ON TABLE app.posts TO service_role;

REVOKE SELECT (id) ON TABLE app.posts FROM authenticated;

REVOKE SELECT (title) ON TABLE app.posts FROM authenticated;

GRANT EXECUTE ON FUNCTION app.rank(app.posts) TO PUBLIC;

REVOKE EXECUTE ON FUNCTION app.rank(app.posts) FROM authenticated;

DROP VIEW app.titles;
