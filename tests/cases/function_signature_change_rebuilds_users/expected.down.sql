DROP VIEW public.top;

DROP VIEW public.ranked;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.posts_score_idx;

ALTER TABLE public.posts DROP CONSTRAINT posts_score_positive;

DROP FUNCTION public.score(integer, integer);

CREATE OR REPLACE FUNCTION public.score(views integer, likes integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
RETURN (views + (10 * likes));

ALTER TABLE public.posts ADD CONSTRAINT posts_score_positive CHECK ((public.score(views, likes) >= 0)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard index-build: builds index public.posts_score_idx concurrently on the existing table public.posts: writes go on; the build scans the table twice and waits for the transactions running on it
CREATE INDEX CONCURRENTLY posts_score_idx ON public.posts USING btree (public.score(views, likes));

CREATE VIEW public.ranked AS
 SELECT posts.id,
    public.score(posts.views, posts.likes) AS score
   FROM public.posts;

COMMENT ON VIEW public.ranked IS 'Posts by score';

CREATE VIEW public.top AS
 SELECT ranked.id
   FROM public.ranked
  ORDER BY ranked.score DESC
 LIMIT 10;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.posts that fail check posts_score_positive make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.posts VALIDATE CONSTRAINT posts_score_positive;
