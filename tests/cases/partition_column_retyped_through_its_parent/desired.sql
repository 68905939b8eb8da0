CREATE TABLE public.events (id int NOT NULL, kind bigint, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE public.events_2026 PARTITION OF public.events
    FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE STATISTICS public.events_2026_kinds ON id, kind FROM public.events_2026;
ALTER STATISTICS public.events_2026_kinds SET STATISTICS 500;
CREATE VIEW public.kinds_2026 AS SELECT id, kind FROM public.events_2026;
