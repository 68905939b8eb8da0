DROP VIEW public.live_posts;

-- hazard enum-rebuild: rebuilds type public.post_state and converts the columns that use it; rows holding removed value(s) 'review' make it fail
ALTER TYPE public.post_state RENAME TO post_state__schemac_old;
CREATE TYPE public.post_state AS ENUM ('draft', 'published');
ALTER TABLE public.posts ALTER COLUMN state DROP DEFAULT;
ALTER TABLE public.posts ALTER COLUMN state TYPE public.post_state USING state::text::public.post_state;
ALTER TABLE public.posts ALTER COLUMN state SET DEFAULT 'draft'::public.post_state;
DROP TYPE public.post_state__schemac_old;

CREATE VIEW public.live_posts AS
 SELECT posts.id
   FROM public.posts
  WHERE (posts.state = 'published'::public.post_state);
