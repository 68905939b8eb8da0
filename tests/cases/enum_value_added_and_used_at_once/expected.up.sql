-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'review' AFTER 'draft';

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TYPE public.status ADD VALUE IF NOT EXISTS 'archived' AFTER 'published';

CREATE TABLE public.review (
    post_id bigint,
    stage public.status DEFAULT 'review'::public.status
);

ALTER TABLE public.post ALTER COLUMN status SET DEFAULT 'review'::public.status;

CREATE OR REPLACE FUNCTION public.in_review(s public.status)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
RETURN (s = 'review'::public.status);

ALTER TABLE public.post ADD CONSTRAINT post_check CHECK (((status <> 'archived'::public.status) OR (id > 0))) NOT VALID;

CREATE VIEW public.archived AS
 SELECT post.id
   FROM public.post
  WHERE (post.status = 'archived'::public.status);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.post VALIDATE CONSTRAINT post_check;
