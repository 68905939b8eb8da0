-- hazard data-loss: drops table public.tenants and every row in it
DROP TABLE public.tenants;
