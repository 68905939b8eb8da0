-- A sequence owned by a column of a table that goes, owned by another table
-- in the desired state: OWNED BY moves it first, so the drop of the old table
-- does not take it along (and nothing is created again).
CREATE TABLE public.legacy_tickets (number bigint);
CREATE TABLE public.tickets (number bigint);
CREATE SEQUENCE public."ticket numbers" AS bigint START WITH 100 OWNED BY public.legacy_tickets.number;
