-- Tables that inherit from a parent (INHERITS, not partitions): the parent's
-- columns and CHECKs reach them as the parent changes.
CREATE TABLE public.events (
    id bigint NOT NULL,
    kind text NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    amount integer
);

CREATE TABLE public.events_2025 (
    CONSTRAINT events_2025_at_check CHECK (at < '2026-01-01 00:00:00+00')
) INHERITS (public.events);

-- A plain table that will join events.
CREATE TABLE public.imported (
    id bigint NOT NULL,
    kind text NOT NULL,
    at timestamp with time zone NOT NULL,
    amount bigint,
    source text,
    batch text
);

-- A child that leaves its parent, keeping what it had of it (its own, as a
-- table that joins again keeps them).
CREATE TABLE public.legacy (
    id bigint NOT NULL,
    label text
);

CREATE TABLE public.legacy_notes (
    id bigint NOT NULL,
    label text,
    note text
) INHERITS (public.legacy);
