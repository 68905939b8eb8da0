-- hazard needs-data: re-creates table public.events_us empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.events_us PARTITION OF public.events FOR VALUES IN ('us');

-- hazard long-lock: holds SHARE on public.events_eu for the whole build of index public.events_eu_note: writes wait
CREATE INDEX events_eu_note ON public.events_eu USING btree (note);

ALTER TABLE public.events_eu DROP CONSTRAINT events_eu_region;

-- hazard long-lock: holds ACCESS EXCLUSIVE on public.event_links while it checks that no row of it references partition public.events_apac
-- hazard data-loss: drops table public.events_apac and every row in it
-- hazard needs-data: table public.events_apac goes while public.events_us appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
ALTER TABLE public.events DETACH PARTITION public.events_apac;
DROP TABLE public.events_apac;
