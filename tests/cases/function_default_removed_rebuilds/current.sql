CREATE FUNCTION greet(name text DEFAULT 'world') RETURNS text LANGUAGE sql IMMUTABLE
    RETURN 'hello ' || name;
CREATE VIEW greetings AS SELECT greet() AS g;
