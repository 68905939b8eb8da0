-- hazard enum-rebuild: rebuilds type public.status and converts the columns that use it; rows holding removed value(s) 'legacy' make it fail
ALTER TYPE public.status RENAME TO status__schemac_old;
CREATE TYPE public.status AS ENUM ('draft', 'published');
ALTER TABLE public.posts ALTER COLUMN history TYPE public.status[] USING history::text[]::public.status[];
ALTER TABLE public.posts ALTER COLUMN s DROP DEFAULT;
ALTER TABLE public.posts ALTER COLUMN s TYPE public.status USING s::text::public.status;
ALTER TABLE public.posts ALTER COLUMN s SET DEFAULT 'draft'::public.status;
DROP TYPE public.status__schemac_old;
