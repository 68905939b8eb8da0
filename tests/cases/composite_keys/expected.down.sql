-- hazard data-loss: drops table public.members and every row in it
DROP TABLE public.members;
