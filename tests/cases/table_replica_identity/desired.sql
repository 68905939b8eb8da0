-- Replica identity: each form, to each other form, and on new tables.
CREATE TABLE public.to_full (id integer PRIMARY KEY);
ALTER TABLE public.to_full REPLICA IDENTITY FULL;

CREATE TABLE public.to_key_index (id integer PRIMARY KEY, code text NOT NULL UNIQUE);
ALTER TABLE public.to_key_index REPLICA IDENTITY USING INDEX to_key_index_code_key;

CREATE TABLE public.back_to_default (id integer PRIMARY KEY);

-- The old index goes, a new one is the identity.
CREATE TABLE public.other_index (id integer PRIMARY KEY, a integer NOT NULL, b integer NOT NULL);
CREATE UNIQUE INDEX other_index_b ON public.other_index (b);
ALTER TABLE public.other_index REPLICA IDENTITY USING INDEX other_index_b;

-- The index changes its columns: rebuilt, and named again as the identity.
CREATE TABLE public.index_rebuilt (id integer PRIMARY KEY, a integer NOT NULL, b integer NOT NULL);
CREATE UNIQUE INDEX index_rebuilt_key ON public.index_rebuilt (a, b);
ALTER TABLE public.index_rebuilt REPLICA IDENTITY USING INDEX index_rebuilt_key;

CREATE TABLE public.new_nothing (id integer);
ALTER TABLE public.new_nothing REPLICA IDENTITY NOTHING;

CREATE TABLE public.new_by_index (id integer NOT NULL, tag text NOT NULL);
CREATE UNIQUE INDEX new_by_index_tag ON public.new_by_index (tag);
ALTER TABLE public.new_by_index REPLICA IDENTITY USING INDEX new_by_index_tag;
