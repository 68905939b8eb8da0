-- ON ALL ... IN SCHEMA reaches the objects that exist when it runs. Written
-- here, before the files that create them, it still reaches every table,
-- view, sequence and function of app: the loader orders it after them.
GRANT USAGE ON SCHEMA app TO authenticated;
GRANT SELECT ON ALL TABLES IN SCHEMA app TO authenticated;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA app TO authenticated;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA app FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO authenticated;
