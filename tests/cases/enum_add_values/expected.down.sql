-- hazard enum-rebuild: rebuilds type public.role and converts the columns that use it; rows holding removed value(s) 'owner', 'editor', 'guest' make it fail
ALTER TYPE public.role RENAME TO role__schemac_old;
CREATE TYPE public.role AS ENUM ('admin', 'member');
ALTER TABLE public.m ALTER COLUMN r DROP DEFAULT;
ALTER TABLE public.m ALTER COLUMN r TYPE public.role USING r::text::public.role;
ALTER TABLE public.m ALTER COLUMN r SET DEFAULT 'member'::public.role;
DROP TYPE public.role__schemac_old;
