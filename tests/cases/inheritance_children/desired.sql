-- The parent's type change, new column and CHECK reach its children; a new
-- child lists only what is its own, and its own defaults; a plain table
-- joins; a child leaves.
CREATE TABLE public.events (
    id bigint NOT NULL,
    kind text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    amount bigint,
    source text DEFAULT 'api',
    CONSTRAINT events_kind_check CHECK (kind <> ''),
    CONSTRAINT events_only_children CHECK (false) NO INHERIT
);

CREATE TABLE public.events_2025 (
    CONSTRAINT events_2025_at_check CHECK (at < '2026-01-01 00:00:00+00')
) INHERITS (public.events);

ALTER TABLE ONLY public.events_2025 ALTER COLUMN source SET DEFAULT 'import';

CREATE TABLE public.events_2026 (
    note text,
    CONSTRAINT events_2026_at_check CHECK (at >= '2026-01-01 00:00:00+00')
) INHERITS (public.events);

ALTER TABLE ONLY public.events_2026 ALTER COLUMN at SET DEFAULT pg_catalog.make_timestamptz(2026, 1, 1, 0, 0, 0, 'UTC');
ALTER TABLE ONLY public.events_2026 ALTER COLUMN amount SET NOT NULL;

-- A table that joins a parent (ALTER TABLE ... INHERIT) keeps its columns
-- and CHECKs as its own: the tree states them.
CREATE TABLE public.imported (
    id bigint NOT NULL,
    kind text NOT NULL,
    at timestamp with time zone NOT NULL,
    amount bigint,
    batch text,
    source text DEFAULT 'api',
    CONSTRAINT events_kind_check CHECK (kind <> '')
) INHERITS (public.events);

CREATE TABLE public.legacy (
    id bigint NOT NULL,
    label text
);

CREATE TABLE public.legacy_notes (
    id bigint NOT NULL,
    label text,
    note text
);
