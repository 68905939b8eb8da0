-- hazard table-rewrite: rewrites the table to convert column public.t.id from integer to bigint
ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint;

-- hazard table-rewrite: rewrites the table to convert column public.t.n from integer to bigint
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING n::bigint;
ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;
