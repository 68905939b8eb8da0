-- A partition's column has a default and NOT NULL of its own: a local
-- primary key makes its columns NOT NULL (and dropping the key leaves them
-- so), a partition may state NOT NULL or a default its parent does not, and
-- a parent's ALTER COLUMN reaches every partition before a partition's own
-- value is set again.
CREATE TABLE public.events (id integer, kind text, at timestamptz, note text)
    PARTITION BY LIST (kind);
CREATE TABLE public.events_a PARTITION OF public.events FOR VALUES IN ('a');
CREATE TABLE public.events_b PARTITION OF public.events FOR VALUES IN ('b');
CREATE TABLE public.events_c PARTITION OF public.events (note DEFAULT 'c')
    FOR VALUES IN ('c');
