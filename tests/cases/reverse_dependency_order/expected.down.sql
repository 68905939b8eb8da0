-- hazard data-loss: drops table public.posts and every row in it
DROP TABLE public.posts;

-- hazard data-loss: drops table public.workspaces and every row in it
DROP TABLE public.workspaces;

-- hazard data-loss: drops table public.tenants and every row in it
DROP TABLE public.tenants;

DROP TYPE public.post_status;
