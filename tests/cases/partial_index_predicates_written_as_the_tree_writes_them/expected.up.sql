-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.tickets_urgent concurrently on the existing table public.tickets: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY tickets_urgent ON public.tickets USING btree (id) WHERE (priority IN ('high', 'urgent') AND status <> 'closed');

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public."tickets one open per id" concurrently on the existing table public.tickets: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY "tickets one open per id" ON public.tickets USING btree (id, status) WHERE status IN ('open', 'pending') -- the tree's comment
      AND priority IS NOT NULL;
