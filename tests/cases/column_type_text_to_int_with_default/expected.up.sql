-- hazard table-rewrite: rewrites the table to convert column public.t.n from text to integer
-- hazard data-loss: converts column public.t.n from text to integer: values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;
ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;
