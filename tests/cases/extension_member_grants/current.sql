CREATE EXTENSION hstore;
GRANT EXECUTE ON FUNCTION hstore(text, text) TO service_role;
CREATE EXTENSION citext;
