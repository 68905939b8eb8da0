-- hazard data-loss: drops column public.t.b and its data
-- hazard needs-data: column public.t.b goes while its table gains a column: if that one takes its values, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
ALTER TABLE public.t DROP COLUMN b;

-- hazard table-rewrite: rewrites the table to compute column public.t.b
ALTER TABLE public.t ADD COLUMN b integer GENERATED ALWAYS AS ((a + 1)) STORED;
