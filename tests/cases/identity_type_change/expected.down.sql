-- hazard table-rewrite: rewrites the table to convert column public.t.id from bigint to integer
-- hazard data-loss: converts column public.t.id from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose id does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.t ALTER COLUMN id TYPE integer USING id::integer;
SELECT pg_catalog.setval('public.t_id_seq', 2147483647, false) FROM public.t_id_seq WHERE last_value > 2147483647;
ALTER TABLE public.t ALTER COLUMN id SET MAXVALUE 2147483647;
