DROP INDEX public.readings_value_idx;

CREATE INDEX readings_value_idx ON ONLY public.readings USING btree (value);

-- hazard long-lock: holds SHARE on public.readings_2026 for the whole build of index public.readings_2026_sensor_key: writes wait
-- hazard needs-data: rows with equal keys in public.readings_2026 make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
CREATE UNIQUE INDEX readings_2026_sensor_key ON public.readings_2026 USING btree (sensor_id, taken_on);

ALTER TABLE public.readings DROP CONSTRAINT readings_pkey;

ALTER TABLE ONLY public.readings ADD CONSTRAINT readings_pkey PRIMARY KEY (sensor_id, taken_on);
