-- hazard table-rewrite: rewrites the table to convert column public.t.id from integer to bigint
ALTER TABLE public.t ALTER COLUMN id TYPE bigint USING id::bigint;
ALTER TABLE public.t ALTER COLUMN id SET MAXVALUE 9223372036854775807;
