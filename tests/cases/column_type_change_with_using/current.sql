-- A conversion no cast makes: text amounts with blanks become numeric, and a
-- price in dollars becomes cents, each by the tree's own USING expression
-- (`-- schemac:using`); the reverse converts back with casts.
CREATE TABLE public.prices (
    id integer PRIMARY KEY,
    amount text,
    price numeric(12,2) NOT NULL
);
