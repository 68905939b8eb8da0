-- Values added and used in one migration: a value cannot be used before the
-- transaction that added it commits, so each is added on its own first.
CREATE TYPE public.status AS ENUM ('draft', 'review', 'published', 'archived');
CREATE TABLE public.post (
    id bigint PRIMARY KEY,
    status public.status NOT NULL DEFAULT 'review',
    CHECK (status <> 'archived' OR id > 0)
);
CREATE TABLE public.review (post_id bigint, stage public.status DEFAULT 'review');
CREATE VIEW public.archived AS SELECT id FROM public.post WHERE status = 'archived';
CREATE FUNCTION public.in_review(s public.status) RETURNS boolean LANGUAGE sql IMMUTABLE
    RETURN s = 'review';
