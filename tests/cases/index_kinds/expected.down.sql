-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.t_active_idx;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.t_data_idx;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.t_desc_idx;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.t_email_key;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.t_payload_hash;
