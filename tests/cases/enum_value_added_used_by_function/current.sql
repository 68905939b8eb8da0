CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE FUNCTION is_happy(m mood) RETURNS boolean LANGUAGE sql IMMUTABLE RETURN m = 'happy';
