-- hazard needs-data: re-creates table public.legacy_tickets empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.legacy_tickets (
    number bigint
);

ALTER SEQUENCE public."ticket numbers" OWNED BY public.legacy_tickets.number;
