ALTER TABLE public.back_to_default REPLICA IDENTITY FULL;

ALTER TABLE public.to_full REPLICA IDENTITY DEFAULT;

ALTER TABLE public.to_key_index REPLICA IDENTITY DEFAULT;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows with equal keys in public.index_rebuilt make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard index-build: builds index public.index_rebuilt_key concurrently on the existing table public.index_rebuilt: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY index_rebuilt_key_schemac_new ON public.index_rebuilt USING btree (a);

ALTER TABLE public.index_rebuilt REPLICA IDENTITY USING INDEX index_rebuilt_key_schemac_new;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.other_index_a concurrently on the existing table public.other_index: writes go on; the build scans the table twice and waits for the transactions running on it
-- hazard needs-data: rows with equal keys in public.other_index make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
CREATE UNIQUE INDEX CONCURRENTLY other_index_a ON public.other_index USING btree (a);

ALTER TABLE public.other_index REPLICA IDENTITY USING INDEX other_index_a;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.index_rebuilt_key;

ALTER INDEX public.index_rebuilt_key_schemac_new RENAME TO index_rebuilt_key;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.other_index_b;

-- hazard data-loss: drops table public.new_by_index and every row in it
DROP TABLE public.new_by_index;

-- hazard data-loss: drops table public.new_nothing and every row in it
DROP TABLE public.new_nothing;
