-- hazard table-rewrite: rewrites table public.cache
ALTER TABLE public.cache SET LOGGED;
