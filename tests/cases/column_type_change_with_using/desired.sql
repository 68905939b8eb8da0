CREATE TABLE public.prices (
    id integer PRIMARY KEY,
    -- schemac:using nullif(trim(amount), '')::numeric(12,2)
    -- schemac:using-reverse coalesce(amount::text, '')
    amount numeric(12,2),
    -- schemac:using round(price * 100)::bigint
    price bigint NOT NULL
);
