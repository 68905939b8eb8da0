-- Replica identity: each form, to each other form, and on new tables.
CREATE TABLE public.to_full (id integer PRIMARY KEY);

CREATE TABLE public.to_key_index (id integer PRIMARY KEY, code text NOT NULL UNIQUE);

CREATE TABLE public.back_to_default (id integer PRIMARY KEY);
ALTER TABLE public.back_to_default REPLICA IDENTITY FULL;

CREATE TABLE public.other_index (id integer PRIMARY KEY, a integer NOT NULL, b integer NOT NULL);
CREATE UNIQUE INDEX other_index_a ON public.other_index (a);
ALTER TABLE public.other_index REPLICA IDENTITY USING INDEX other_index_a;

CREATE TABLE public.index_rebuilt (id integer PRIMARY KEY, a integer NOT NULL, b integer NOT NULL);
CREATE UNIQUE INDEX index_rebuilt_key ON public.index_rebuilt (a);
ALTER TABLE public.index_rebuilt REPLICA IDENTITY USING INDEX index_rebuilt_key;
