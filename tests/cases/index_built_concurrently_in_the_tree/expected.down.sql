-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.users_name_idx;

-- hazard data-loss: drops column public.users.email and its data
ALTER TABLE public.users DROP COLUMN email;
