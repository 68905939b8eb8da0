-- hazard data-loss: drops table public.events and every row in it
DROP TABLE public.events;

ALTER TABLE public.archived_events RENAME CONSTRAINT archived_events_pkey TO events_pkey;

ALTER TABLE public.archived_events RENAME TO events;
