-- Column settings of inheritance children are their own: the parent's are
-- set with ONLY, a child's storage is given again after the parent's ALTER
-- COLUMN TYPE resets it, and a new child gets its own statistics target
-- (what it copies from its parent is its storage and compression), as do
-- the children of a parent given a column.
CREATE TABLE public.events (
    id bigint,
    payload text,
    kind text
);
ALTER TABLE ONLY public.events ALTER COLUMN kind SET STATISTICS 300;
CREATE TABLE public.click_events (
    x integer
) INHERITS (public.events);
ALTER TABLE ONLY public.click_events ALTER COLUMN payload SET STORAGE EXTERNAL;
