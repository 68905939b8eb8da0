-- Column settings of inheritance children are their own: the parent's are
-- set with ONLY, a child's storage is given again after the parent's ALTER
-- COLUMN TYPE resets it, and a new child gets its own statistics target
-- (what it copies from its parent is its storage and compression), as do
-- the children of a parent given a column.
CREATE TABLE public.events (
    id bigint,
    payload varchar(1000),
    kind text,
    source text COMPRESSION lz4
);
ALTER TABLE ONLY public.events ALTER COLUMN kind SET STATISTICS 500;
ALTER TABLE ONLY public.events ALTER COLUMN source SET STATISTICS 70;
ALTER TABLE ONLY public.events ALTER COLUMN payload SET STORAGE MAIN;
CREATE TABLE public.click_events (
    x integer
) INHERITS (public.events);
ALTER TABLE ONLY public.click_events ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE ONLY public.click_events ALTER COLUMN kind SET STATISTICS 50;
CREATE TABLE public.view_events (
    y integer
) INHERITS (public.events);
ALTER TABLE ONLY public.view_events ALTER COLUMN id SET STATISTICS 20;
