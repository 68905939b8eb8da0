-- hazard table-rewrite: rewrites the table to convert column public.t.n from integer to text
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN n TYPE text USING n::text;
ALTER TABLE public.t ALTER COLUMN n SET DEFAULT '1'::text;
