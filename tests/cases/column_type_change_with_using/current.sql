-- A conversion no cast makes: text amounts with blanks become numeric, and a
-- price in dollars becomes cents, each by the tree's own USING expression
-- (`-- schemac:using`); the reverse converts amounts back by the tree's
-- `-- schemac:using-reverse` (a blank, not NULL), prices with a cast.
CREATE TABLE public.prices (
    id integer PRIMARY KEY,
    amount text,
    price numeric(12,2) NOT NULL
);
