ALTER TABLE public.events DETACH PARTITION public.events_click;

CREATE TABLE public.events_other PARTITION OF public.events DEFAULT;

-- hazard needs-data: rows of public.events_click outside FOR VALUES IN ('click', 'tap') make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.events ATTACH PARTITION public.events_click FOR VALUES IN ('click', 'tap');

-- hazard data-loss: drops table public.events_view and every row in it
-- hazard needs-data: table public.events_view goes while public.events_other appears: if it takes its rows, copy them in the data phase (`schemac diff --write NAME --data FILE`), or state a rename (`-- schemac:renamed-from`)
DROP TABLE public.events_view;
