DROP TRIGGER posts_touch ON public.posts;

CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.updated_at := now(); RETURN NEW; END $function$;

CREATE TRIGGER posts_touch BEFORE UPDATE ON public.posts FOR EACH ROW EXECUTE FUNCTION public.touch();

DROP VIEW public.popular_titles;

DROP VIEW public.popular;

-- hazard data-loss: converts column public.posts.title from text to character varying(100): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose title does not fit in character varying(100) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.posts ALTER COLUMN title TYPE character varying(100);

-- hazard table-rewrite: rewrites the table to convert column public.posts.views from bigint to integer
-- hazard data-loss: converts column public.posts.views from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose views does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.posts ALTER COLUMN views DROP DEFAULT;
ALTER TABLE public.posts ALTER COLUMN views TYPE integer USING views::integer;
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
