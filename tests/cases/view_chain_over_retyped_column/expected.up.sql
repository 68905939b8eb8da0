DROP TRIGGER posts_touch ON public.posts;

CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $function$;

CREATE TRIGGER posts_touch BEFORE UPDATE ON public.posts FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.touch();

DROP VIEW public.popular_titles;

DROP VIEW public.popular;

ALTER TABLE public.posts ALTER COLUMN title TYPE text;

-- hazard table-rewrite: rewrites the table to convert column public.posts.views from integer to bigint
ALTER TABLE public.posts ALTER COLUMN views DROP DEFAULT;
ALTER TABLE public.posts ALTER COLUMN views TYPE bigint USING views::bigint;
ALTER TABLE public.posts ALTER COLUMN views SET DEFAULT 0;

CREATE VIEW public.popular AS
 SELECT posts.id,
    posts.title,
    posts.views
   FROM public.posts
  WHERE (posts.views > 100);

COMMENT ON VIEW public.popular IS 'Posts with more than 100 views';

CREATE VIEW public.popular_titles AS
 SELECT popular.title
   FROM public.popular;
