CREATE TABLE public.tickets (number bigint);
CREATE SEQUENCE public."ticket numbers" AS bigint START WITH 100 OWNED BY public.tickets.number;
