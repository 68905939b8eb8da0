-- hazard data-loss: drops table public.categories and every row in it
DROP TABLE public.categories;
