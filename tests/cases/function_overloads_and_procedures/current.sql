CREATE FUNCTION slugify(title text) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN lower(replace(title, ' ', '-'));
CREATE FUNCTION slugify(title text, max_length integer) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN left(lower(replace(title, ' ', '-')), max_length);
CREATE FUNCTION "Legacy"() RETURNS int LANGUAGE sql RETURN 1;
