-- hazard data-loss: drops table public.usage_events and every row in it
DROP TABLE public.usage_events;

DROP FUNCTION public.reject_negative();
