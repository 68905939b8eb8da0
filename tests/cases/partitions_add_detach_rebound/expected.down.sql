COMMENT ON TABLE public.metrics IS NULL;

ALTER TABLE public.metrics DETACH PARTITION public.metrics_2026_03;

-- hazard needs-data: rows of public.metrics_2026_01 outside FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00') make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.metrics ATTACH PARTITION public.metrics_2026_01 FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2026-02-01 00:00:00+00');

-- hazard needs-data: rows of public.metrics_2026_03 outside FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00') make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.metrics ATTACH PARTITION public.metrics_2026_03 FOR VALUES FROM ('2026-03-01 00:00:00+00') TO ('2026-04-01 00:00:00+00');

-- hazard data-loss: drops table public.metrics_2026_05 and every row in it
DROP TABLE public.metrics_2026_05;

-- hazard data-loss: drops table public.metrics_default and every row in it
DROP TABLE public.metrics_default;

DROP INDEX public.metrics_name_idx;

ALTER TABLE public.metrics DETACH PARTITION public.metrics_old;

DROP INDEX public.metrics_old_tenant_id_at_idx;

-- hazard data-loss: drops column public.metrics_old.unit and its data
ALTER TABLE public.metrics_old DROP COLUMN unit;

-- hazard data-loss: drops column public.metrics.unit and its data
ALTER TABLE public.metrics DROP COLUMN unit;
