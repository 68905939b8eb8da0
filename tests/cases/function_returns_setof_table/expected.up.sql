ALTER TABLE public.posts ADD COLUMN published boolean DEFAULT false NOT NULL;

CREATE OR REPLACE FUNCTION public.published_posts()
 RETURNS SETOF public.posts
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT posts.id,
     posts.title,
     posts.published
    FROM public.posts
   WHERE posts.published;
END;
