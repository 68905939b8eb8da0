-- A partial index over a varchar IN list: PostgreSQL prints its predicate as
-- `(status)::text = ANY ((ARRAY['open'::character varying, ...])::text[])`,
-- which, executed again, stores a list of casts instead: not the same index.
CREATE TABLE public.tickets (
    id bigint PRIMARY KEY,
    status character varying(20) NOT NULL,
    priority character varying(10)
);

CREATE INDEX tickets_open ON public.tickets (id) WHERE status IN ('open', 'pending');
