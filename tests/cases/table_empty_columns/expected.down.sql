-- hazard data-loss: drops table public.marker and every row in it
DROP TABLE public.marker;
