CREATE TABLE public.ledger (
    id bigint PRIMARY KEY,
    amount bigint,
    quantity integer,
    code varchar(10),
    rate numeric(12,2),
    total numeric(8,2),
    booked_at timestamp(0),
    counter bigint,
    note text
);
