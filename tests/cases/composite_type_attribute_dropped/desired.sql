CREATE TYPE address AS (street text, city text);
COMMENT ON TYPE address IS 'A postal address';
