ALTER SEQUENCE public."ticket numbers" OWNED BY public.tickets.number;

-- hazard data-loss: drops table public.legacy_tickets and every row in it
DROP TABLE public.legacy_tickets;
