-- A value removed: the type is made anew under its name, and gets its
-- comment, privileges and owner again.
CREATE TYPE public.status AS ENUM ('draft', 'live');
COMMENT ON TYPE public.status IS 'where a post is';
REVOKE USAGE ON TYPE public.status FROM PUBLIC;
GRANT USAGE ON TYPE public.status TO authenticated;
ALTER TYPE public.status OWNER TO service_role;
CREATE TABLE public.posts (id int PRIMARY KEY, state public.status DEFAULT 'draft');
