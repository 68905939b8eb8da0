ALTER TABLE public.legacy_notes NO INHERIT public.legacy;

ALTER TABLE public.events ADD COLUMN source text DEFAULT 'api'::text;
ALTER TABLE ONLY public.events_2025 ALTER COLUMN source SET DEFAULT 'import'::text;

ALTER TABLE public.imported ALTER COLUMN at SET DEFAULT now();

ALTER TABLE public.imported ALTER COLUMN source SET DEFAULT 'api'::text;

ALTER TABLE public.events ADD CONSTRAINT events_kind_check CHECK ((kind <> ''::text)) NOT VALID;

ALTER TABLE public.events ADD CONSTRAINT events_only_children CHECK (false) NO INHERIT NOT VALID;

-- hazard table-rewrite: rewrites the table to convert column public.events.amount from integer to bigint
ALTER TABLE public.events ALTER COLUMN amount TYPE bigint USING amount::bigint;

CREATE TABLE public.events_2026 (
    note text,
    CONSTRAINT events_2026_at_check CHECK ((at >= '2026-01-01 00:00:00+00'::timestamp with time zone))
) INHERITS (public.events);
ALTER TABLE ONLY public.events_2026 ALTER COLUMN at SET DEFAULT make_timestamptz(2026, 1, 1, 0, 0, (0)::double precision, 'UTC'::text);
ALTER TABLE ONLY public.events_2026 ALTER COLUMN amount SET NOT NULL;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.events VALIDATE CONSTRAINT events_kind_check;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.events VALIDATE CONSTRAINT events_only_children;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.imported while it checks every row against events_kind_check
ALTER TABLE public.imported ADD CONSTRAINT events_kind_check CHECK ((kind <> ''::text));

ALTER TABLE public.imported INHERIT public.events;
