-- The domain's check tightens in place; the function that takes the
-- composite type is replaced in place; a new function uses the domain.
-- (A check added to currency_code would be refused: a function uses the
-- composite type that holds it.)
CREATE DOMAIN money_amount AS numeric(12, 2) CONSTRAINT money_amount_check CHECK (VALUE >= 0 AND VALUE < 1000000000);
CREATE DOMAIN currency_code AS char(3) DEFAULT 'EUR' CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE TYPE price AS (amount numeric(12, 2), currency currency_code);
CREATE FUNCTION format_price(p price) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN (p).currency || ' ' || to_char((p).amount, 'FM999999990.00');
CREATE FUNCTION add_tax(amount money_amount, rate numeric DEFAULT 0.2) RETURNS money_amount
    LANGUAGE sql IMMUTABLE RETURN (amount * (1 + rate))::money_amount;
