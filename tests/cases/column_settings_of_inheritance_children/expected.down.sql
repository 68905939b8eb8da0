-- hazard data-loss: drops table public.view_events and every row in it
DROP TABLE public.view_events;

ALTER TABLE ONLY public.events ALTER COLUMN kind SET STATISTICS 300;

ALTER TABLE public.click_events ALTER COLUMN kind SET STATISTICS -1;

ALTER TABLE public.events ALTER COLUMN payload TYPE text;

ALTER TABLE public.click_events ALTER COLUMN payload SET STORAGE EXTERNAL;

-- hazard data-loss: drops column public.events.source and its data
ALTER TABLE public.events DROP COLUMN source;
