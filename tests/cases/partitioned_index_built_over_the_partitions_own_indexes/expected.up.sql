COMMENT ON TABLE public.measurements_2026_02 IS 'February, checked';

CREATE TABLE public.measurements_2026_03 PARTITION OF public.measurements FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');

-- hazard long-lock: holds SHARE on public.measurements for the whole build of index public.measurements_by_sensor: writes wait
CREATE INDEX measurements_2026_03_by_sensor ON public.measurements_2026_03 USING btree (sensor, at);
CREATE INDEX measurements_by_sensor ON public.measurements USING btree (sensor, at);

-- hazard long-lock: holds SHARE on public.measurements for the whole build of index public.measurements_by_value: writes wait
CREATE INDEX measurements_2026_01_value_idx ON public.measurements_2026_01 USING btree (value);
CREATE INDEX measurements_2026_02_value_idx ON public.measurements_2026_02 USING btree (value);
CREATE INDEX measurements_2026_03_value_idx ON public.measurements_2026_03 USING btree (value);
CREATE INDEX measurements_by_value ON public.measurements USING btree (value);

-- hazard long-lock: holds SHARE on public.measurements_2026_01 for the whole build of index public.measurements_2026_01_value: writes wait
CREATE INDEX measurements_2026_01_value ON public.measurements_2026_01 USING btree (value);
