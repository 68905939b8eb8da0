ALTER TABLE public.back_to_default REPLICA IDENTITY DEFAULT;

CREATE TABLE public.new_by_index (
    id integer NOT NULL,
    tag text NOT NULL
);

CREATE TABLE public.new_nothing (
    id integer
);
ALTER TABLE public.new_nothing REPLICA IDENTITY NOTHING;

ALTER TABLE public.to_full REPLICA IDENTITY FULL;

ALTER TABLE public.to_key_index REPLICA IDENTITY USING INDEX to_key_index_code_key;

CREATE UNIQUE INDEX new_by_index_tag ON public.new_by_index USING btree (tag);

ALTER TABLE public.new_by_index REPLICA IDENTITY USING INDEX new_by_index_tag;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.index_rebuilt_key concurrently on the existing table public.index_rebuilt: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY index_rebuilt_key_schemac_new ON public.index_rebuilt USING btree (a, b);

ALTER TABLE public.index_rebuilt REPLICA IDENTITY USING INDEX index_rebuilt_key_schemac_new;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.other_index_b concurrently on the existing table public.other_index: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE UNIQUE INDEX CONCURRENTLY other_index_b ON public.other_index USING btree (b);

ALTER TABLE public.other_index REPLICA IDENTITY USING INDEX other_index_b;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.index_rebuilt_key;

ALTER INDEX public.index_rebuilt_key_schemac_new RENAME TO index_rebuilt_key;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.other_index_a;
