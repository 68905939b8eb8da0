ALTER TABLE public.events DETACH PARTITION public.events_click;

-- hazard needs-data: re-creates table public.events_view empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.events_view PARTITION OF public.events FOR VALUES IN ('view');

-- hazard needs-data: rows of public.events_click outside FOR VALUES IN ('click') make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.events ATTACH PARTITION public.events_click FOR VALUES IN ('click');

-- hazard data-loss: drops table public.events_other and every row in it
-- hazard needs-data: table public.events_other goes while public.events_view appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.events_other;
