-- The unchanged index stays; the new ones are created from the tree's own
-- text of their predicates, so they store what the tree stores.
CREATE TABLE public.tickets (
    id bigint PRIMARY KEY,
    status character varying(20) NOT NULL,
    priority character varying(10)
);

CREATE INDEX tickets_open ON public.tickets (id) WHERE status IN ('open', 'pending');

CREATE INDEX tickets_urgent ON tickets (id)
    WHERE (priority IN ('high', 'urgent') AND status <> 'closed');

CREATE UNIQUE INDEX "tickets one open per id" ON public.tickets USING btree (id, status)
    WHERE status IN ('open', 'pending') -- the tree's comment
      AND priority IS NOT NULL
