-- Names shared across kinds: a table replaced by a view of its name, an
-- index by a sequence of its name, a composite type by a table of its name.
-- The old object goes before the new one takes the name, though drops now
-- come after creates.
CREATE TABLE public.report (
    id integer PRIMARY KEY,
    total numeric
);

CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    amount numeric NOT NULL
);

CREATE INDEX order_numbers ON public.orders (amount);

CREATE TYPE public.address AS (street text, city text);
