DROP VIEW public.kinds_2026;

DROP STATISTICS public.events_2026_kinds;

-- hazard table-rewrite: rewrites the table to convert column public.events.kind from bigint to integer
-- hazard data-loss: converts column public.events.kind from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose kind does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.events ALTER COLUMN kind TYPE integer USING kind::integer;

CREATE STATISTICS public.events_2026_kinds ON id, kind FROM public.events_2026;
ALTER STATISTICS public.events_2026_kinds SET STATISTICS 500;

CREATE VIEW public.kinds_2026 AS
 SELECT events_2026.id,
    events_2026.kind
   FROM public.events_2026;
