-- hazard table-rewrite: rewrites the table to convert column public.t.id from bigint to integer
-- hazard data-loss: converts column public.t.id from bigint to integer: values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN id TYPE integer USING id::integer;

-- hazard table-rewrite: rewrites the table to convert column public.t.n from bigint to integer
-- hazard data-loss: converts column public.t.n from bigint to integer: values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;
ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;
