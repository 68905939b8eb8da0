CREATE TABLE public.events_apac PARTITION OF public.events FOR VALUES IN ('apac');

ALTER TABLE public.events_apac ADD CONSTRAINT events_apac_note_set CHECK ((note IS NOT NULL));

CREATE INDEX events_apac_note ON public.events_apac USING btree (note);

-- hazard needs-data: rows of public.events_eu without a match for foreign key events_eu_region make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard long-lock: holds SHARE ROW EXCLUSIVE on public.events_eu while it checks every row against events_eu_region
ALTER TABLE public.events_eu ADD CONSTRAINT events_eu_region FOREIGN KEY (region) REFERENCES public.regions(code);

DROP INDEX public.events_eu_note;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.event_links while it checks that no row of it references partition public.events_us
-- hazard data-loss: drops table public.events_us and every row in it
-- hazard needs-data: table public.events_us goes while public.events_apac appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
ALTER TABLE public.events DETACH PARTITION public.events_us;
DROP TABLE public.events_us;
