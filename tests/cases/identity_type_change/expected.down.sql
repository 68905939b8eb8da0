-- hazard table-rewrite: rewrites the table to convert column public.t.id from bigint to integer
ALTER TABLE public.t ALTER COLUMN id TYPE integer USING id::integer;
ALTER TABLE public.t ALTER COLUMN id SET MAXVALUE 2147483647;
