-- schemac migration 0004_metrics (down)
--
--   drop view public.workspace_dashboard_mine
--   drop materialized view public.workspace_dashboard
--   drop function public.engagement_rate(numeric, numeric)
--   drop table public.post_metrics
--   drop table public.usage_counters

-- schemac:step drop view public.workspace_dashboard_mine
DROP VIEW public.workspace_dashboard_mine;

-- schemac:step drop materialized view public.workspace_dashboard
DROP MATERIALIZED VIEW public.workspace_dashboard;

-- schemac:step drop function public.engagement_rate(numeric, numeric)
DROP FUNCTION public.engagement_rate(numeric, numeric);

-- schemac:step drop table public.post_metrics
-- hazard data-loss: drops table public.post_metrics and every row in it
DROP TABLE public.post_metrics;

-- schemac:step drop table public.usage_counters
-- hazard data-loss: drops table public.usage_counters and every row in it
DROP TABLE public.usage_counters;
