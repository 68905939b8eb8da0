ALTER TABLE public.events ALTER COLUMN at SET DEFAULT now();

ALTER TABLE public.events ALTER COLUMN note SET DEFAULT 'parent'::text;

ALTER TABLE public.events_c ALTER COLUMN note SET DEFAULT 'c'::text;

-- hazard needs-data: rows of public.events_a where id is NULL make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard long-lock: holds ACCESS EXCLUSIVE on public.events_a while it scans every row for NULLs in id
ALTER TABLE public.events_a ALTER COLUMN id SET NOT NULL;

-- hazard needs-data: rows of public.events_a where kind is NULL make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard long-lock: holds ACCESS EXCLUSIVE on public.events_a while it scans every row for NULLs in kind
ALTER TABLE public.events_a ALTER COLUMN kind SET NOT NULL;

-- hazard needs-data: rows of public.events_b where at is NULL make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard long-lock: holds ACCESS EXCLUSIVE on public.events_b while it scans every row for NULLs in at
ALTER TABLE public.events_b ALTER COLUMN at SET NOT NULL;

-- hazard needs-data: rows of public.events_a that events_a_pkey rejects (equal keys, NULLs) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard long-lock: holds ACCESS EXCLUSIVE on public.events_a while it builds the index of events_a_pkey
ALTER TABLE public.events_a ADD CONSTRAINT events_a_pkey PRIMARY KEY (kind, id);
