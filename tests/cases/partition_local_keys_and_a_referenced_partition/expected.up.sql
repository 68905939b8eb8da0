DROP INDEX public.events_eu_note;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.event_links while it checks that no row of it references partition public.events_us
-- hazard data-loss: drops table public.events_us and every row in it
ALTER TABLE public.events DETACH PARTITION public.events_us;
DROP TABLE public.events_us;

CREATE TABLE public.events_apac PARTITION OF public.events FOR VALUES IN ('apac');

ALTER TABLE public.events_apac ADD CONSTRAINT events_apac_note_set CHECK ((note IS NOT NULL));

-- hazard long-lock: holds SHARE ROW EXCLUSIVE on public.events_eu while it checks every row against events_eu_region
ALTER TABLE public.events_eu ADD CONSTRAINT events_eu_region FOREIGN KEY (region) REFERENCES public.regions(code);

CREATE INDEX events_apac_note ON public.events_apac USING btree (note);
