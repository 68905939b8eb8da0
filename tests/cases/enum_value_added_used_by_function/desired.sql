-- A value added in place; the function over the type stays.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE FUNCTION is_happy(m mood) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN m = 'happy';
