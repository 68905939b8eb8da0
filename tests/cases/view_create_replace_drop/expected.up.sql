CREATE VIEW public."Long Posts" WITH (security_barrier=true) AS
 SELECT posts.id
   FROM public.posts
  WHERE (length(posts.body) > 1000);

COMMENT ON VIEW public."Long Posts" IS 'More than 1000 characters';

CREATE OR REPLACE VIEW public.published_posts AS
 SELECT posts.id,
    posts.title,
    length(posts.body) AS body_length
   FROM public.posts
  WHERE posts.published;

CREATE MATERIALIZED VIEW public.post_counts AS
 SELECT posts.published,
    count(*) AS n
   FROM public.posts
  GROUP BY posts.published;

DROP VIEW public.drafts;
