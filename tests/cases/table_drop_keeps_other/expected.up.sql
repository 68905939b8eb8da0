-- hazard data-loss: drops table public.b and every row in it
DROP TABLE public.b;
