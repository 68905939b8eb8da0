DROP INDEX public.events_2024_at;

ALTER TABLE public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- hazard long-lock: holds SHARE on public.events_2024 for the whole build of index public.events_2024_at: writes wait
CREATE INDEX events_2024_at ON public.events_2024 USING btree (at);
