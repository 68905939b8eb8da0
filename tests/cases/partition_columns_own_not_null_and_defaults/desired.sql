CREATE TABLE public.events (id integer, kind text, at timestamptz DEFAULT now(),
    note text DEFAULT 'parent') PARTITION BY LIST (kind);
CREATE TABLE public.events_a PARTITION OF public.events (
    CONSTRAINT events_a_pkey PRIMARY KEY (kind, id)) FOR VALUES IN ('a');
CREATE TABLE public.events_b PARTITION OF public.events (at NOT NULL)
    FOR VALUES IN ('b');
CREATE TABLE public.events_c PARTITION OF public.events (note DEFAULT 'c')
    FOR VALUES IN ('c');
