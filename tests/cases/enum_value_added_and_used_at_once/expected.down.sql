DROP VIEW public.archived;

ALTER TABLE public.post DROP CONSTRAINT post_check;

DROP FUNCTION public.in_review(public.status);

-- hazard data-loss: drops table public.review and every row in it
DROP TABLE public.review;

-- hazard enum-rebuild: rebuilds type public.status and converts the columns that use it; rows holding removed value(s) 'review', 'archived' make it fail
ALTER TYPE public.status RENAME TO status__schemac_old;
CREATE TYPE public.status AS ENUM ('draft', 'published');
ALTER TABLE public.post ALTER COLUMN status DROP DEFAULT;
ALTER TABLE public.post ALTER COLUMN status TYPE public.status USING status::text::public.status;
DROP TYPE public.status__schemac_old;

ALTER TABLE public.post ALTER COLUMN status SET DEFAULT 'draft'::public.status;
