-- hazard enum-rebuild: rebuilds type public.status and converts the columns that use it; rows holding removed value(s) 'old' make it fail
ALTER TYPE public.status RENAME TO status__schemac_old;
CREATE TYPE public.status AS ENUM ('draft', 'live');
ALTER TABLE public.posts ALTER COLUMN state DROP DEFAULT;
ALTER TABLE public.posts ALTER COLUMN state TYPE public.status USING state::text::public.status;
ALTER TABLE public.posts ALTER COLUMN state SET DEFAULT 'draft'::public.status;
DROP TYPE public.status__schemac_old;

COMMENT ON TYPE public.status IS 'where a post is';

ALTER TYPE public.status OWNER TO service_role;

REVOKE USAGE ON TYPE public.status FROM PUBLIC;

GRANT USAGE ON TYPE public.status TO authenticated;
