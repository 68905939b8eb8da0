-- hazard long-lock: holds ACCESS EXCLUSIVE on public.event_links while it checks that no row of it references partition public.events_globex
-- hazard data-loss: drops table public.events_globex and every row in it
ALTER TABLE public.events DETACH PARTITION public.events_globex;
DROP TABLE public.events_globex;
