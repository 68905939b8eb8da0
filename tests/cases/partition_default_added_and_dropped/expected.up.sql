-- hazard data-loss: drops table public.events_view and every row in it
DROP TABLE public.events_view;

ALTER TABLE public.events DETACH PARTITION public.events_click;

ALTER TABLE public.events ATTACH PARTITION public.events_click FOR VALUES IN ('click', 'tap');

CREATE TABLE public.events_other PARTITION OF public.events DEFAULT;
