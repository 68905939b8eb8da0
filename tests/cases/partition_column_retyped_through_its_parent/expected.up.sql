DROP VIEW public.kinds_2026;

DROP STATISTICS public.events_2026_kinds;

-- hazard table-rewrite: rewrites the table to convert column public.events.kind from integer to bigint
ALTER TABLE public.events ALTER COLUMN kind TYPE bigint USING kind::bigint;

CREATE STATISTICS public.events_2026_kinds ON id, kind FROM public.events_2026;
ALTER STATISTICS public.events_2026_kinds SET STATISTICS 500;

CREATE VIEW public.kinds_2026 AS
 SELECT events_2026.id,
    events_2026.kind
   FROM public.events_2026;
