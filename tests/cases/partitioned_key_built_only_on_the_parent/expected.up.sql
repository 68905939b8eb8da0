DROP INDEX public.readings_2026_sensor_key;

DROP INDEX public.readings_value_idx;

-- hazard long-lock: holds SHARE on public.readings for the whole build of index public.readings_value_idx: writes wait
CREATE INDEX readings_2026_value_idx ON public.readings_2026 USING btree (value);
CREATE INDEX readings_value_idx ON public.readings USING btree (value);

ALTER TABLE public.readings DROP CONSTRAINT readings_pkey;

-- hazard needs-data: rows of public.readings that readings_pkey rejects (equal keys, NULLs) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
-- hazard long-lock: holds ACCESS EXCLUSIVE on public.readings while it builds the index of readings_pkey
ALTER TABLE public.readings ADD CONSTRAINT readings_pkey PRIMARY KEY (sensor_id, taken_on);
