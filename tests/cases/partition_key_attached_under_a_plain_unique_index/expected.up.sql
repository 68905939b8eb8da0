-- hazard needs-data: rows of public.events_click that events_click_pkey rejects (equal keys, NULLs) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard long-lock: holds ACCESS EXCLUSIVE on public.events_click while it builds the index of events_click_pkey
ALTER TABLE public.events_click ADD CONSTRAINT events_click_pkey PRIMARY KEY (id, kind);

-- hazard long-lock: holds SHARE on public.events for the whole build of index public.events_id_kind_key: writes wait
-- hazard needs-data: rows with equal keys in public.events make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
CREATE UNIQUE INDEX events_view_id_kind_idx ON public.events_view USING btree (id, kind);
CREATE UNIQUE INDEX events_id_kind_key ON public.events USING btree (id, kind);
