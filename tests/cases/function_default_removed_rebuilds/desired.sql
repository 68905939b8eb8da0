-- A default removed: CREATE OR REPLACE refuses, so the function is rebuilt,
-- and the view that calls it with it.
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN 'hello ' || name;
CREATE VIEW greetings AS SELECT greet('world') AS g;
