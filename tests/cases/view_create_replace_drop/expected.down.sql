CREATE VIEW public.drafts AS
 SELECT posts.id,
    posts.title
   FROM public.posts
  WHERE (NOT posts.published);

DROP MATERIALIZED VIEW public.post_counts;

DROP VIEW public."Long Posts";

DROP VIEW public.published_posts;

CREATE VIEW public.published_posts AS
 SELECT posts.id,
    posts.title
   FROM public.posts
  WHERE posts.published;
