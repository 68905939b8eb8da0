COMMENT ON TABLE public.measurements_2026_02 IS NULL;

DROP INDEX public.measurements_2026_01_value;

-- hazard data-loss: drops table public.measurements_2026_03 and every row in it
DROP TABLE public.measurements_2026_03;

DROP INDEX public.measurements_by_sensor;

-- hazard long-lock: holds SHARE on public.measurements_2026_01 for the whole build of index public.measurements_2026_01_by_sensor: writes wait
CREATE INDEX measurements_2026_01_by_sensor ON public.measurements_2026_01 USING btree (sensor, at);

-- hazard long-lock: holds SHARE on public.measurements_2026_02 for the whole build of index public.measurements_2026_02_by_sensor: writes wait
CREATE INDEX measurements_2026_02_by_sensor ON public.measurements_2026_02 USING btree (sensor, at);

DROP INDEX public.measurements_by_value;
