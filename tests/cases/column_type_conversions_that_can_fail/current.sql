-- Type changes on an existing table, by what they can do to its rows: fail
-- on a value (needs-data: a cast PostgreSQL makes only when asked, a
-- narrower length or fewer digits before the point), round it (data-loss
-- only: fewer digits after the point, fewer fractional seconds), or
-- nothing at all (a wider type, anything to text).
CREATE TABLE public.ledger (
    id bigint PRIMARY KEY,
    amount numeric(12,2),
    quantity bigint,
    code varchar(20),
    rate numeric(12,4),
    total numeric(12,2),
    booked_at timestamp(6),
    counter integer,
    note numeric
);
