DROP FUNCTION public.published_posts();

-- hazard data-loss: drops column public.posts.published and its data
ALTER TABLE public.posts DROP COLUMN published;
