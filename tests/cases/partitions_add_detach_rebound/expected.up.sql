COMMENT ON TABLE public.metrics IS 'Time series, one partition per month';

ALTER TABLE public.metrics DETACH PARTITION public.metrics_2026_01;

ALTER TABLE public.metrics DETACH PARTITION public.metrics_2026_03;

ALTER TABLE public.metrics_2026_01 ADD COLUMN unit text;

-- hazard needs-data: rows of public.metrics_2026_03 outside FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-05-01 00:00:00+00') make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.metrics ATTACH PARTITION public.metrics_2026_03 FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-05-01 00:00:00+00');

ALTER TABLE public.metrics ATTACH PARTITION public.metrics_old FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');

ALTER TABLE public.metrics ADD COLUMN unit text;

CREATE TABLE public.metrics_2026_05 PARTITION OF public.metrics FOR VALUES FROM ('2026-05-01 00:00:00+00') TO ('2026-06-01 00:00:00+00');

CREATE TABLE public.metrics_default PARTITION OF public.metrics DEFAULT;

-- hazard long-lock: holds SHARE on public.metrics for the whole build of index public.metrics_name_idx: writes wait
CREATE INDEX metrics_2026_02_name_idx ON public.metrics_2026_02 USING btree (name);
CREATE INDEX metrics_2026_03_name_idx ON public.metrics_2026_03 USING btree (name);
CREATE INDEX metrics_2026_05_name_idx ON public.metrics_2026_05 USING btree (name);
CREATE INDEX metrics_default_name_idx ON public.metrics_default USING btree (name);
CREATE INDEX metrics_old_name_idx ON public.metrics_old USING btree (name);
CREATE INDEX metrics_name_idx ON public.metrics USING btree (name);

DROP INDEX public.metrics_2026_01_tenant_id_at_idx;
