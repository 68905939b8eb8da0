-- hazard data-loss: drops table public.readings_north and every row in it
DROP TABLE public.readings_north;
