CREATE TABLE public.legacy_tickets (
    number bigint
);

ALTER SEQUENCE public."ticket numbers" OWNED BY public.legacy_tickets.number;
