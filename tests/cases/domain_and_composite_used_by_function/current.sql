CREATE DOMAIN money_amount AS numeric(12, 2) CHECK (VALUE >= 0);
CREATE DOMAIN currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE TYPE price AS (amount numeric(12, 2), currency currency_code);
CREATE FUNCTION format_price(p price) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN (p).currency || ' ' || (p).amount::text;
