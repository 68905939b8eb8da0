-- schemac migration 0004_metrics (up)
--
--   create table public.post_metrics
--   comment on table public.post_metrics
--   alter table public.post_metrics (privileges of authenticated)
--   alter table public.post_metrics (privileges of service_role)
--   create table public.post_metrics_2026_11
--   create table public.post_metrics_2026_12
--   create table public.post_metrics_default
--   create table public.usage_counters
--   alter table public.usage_counters (privileges of authenticated)
--   alter table public.usage_counters (privileges of service_role)
--   create function public.engagement_rate(numeric, numeric)
--   create materialized view public.workspace_dashboard
--   alter materialized view public.workspace_dashboard (privileges of service_role)
--   create view public.workspace_dashboard_mine
--   alter view public.workspace_dashboard_mine (privileges of authenticated)
--   create policy post_metrics_tenant ON public.post_metrics
--   create policy usage_counters_tenant ON public.usage_counters

-- schemac:step create table public.post_metrics
CREATE TABLE public.post_metrics (
    workspace_id uuid NOT NULL,
    post_id uuid NOT NULL,
    provider text NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    impressions bigint DEFAULT 0 NOT NULL,
    clicks bigint DEFAULT 0 NOT NULL,
    CONSTRAINT post_metrics_pkey PRIMARY KEY (workspace_id, post_id, provider, recorded_at),
    CONSTRAINT post_metrics_clicks_check CHECK ((clicks >= 0)),
    CONSTRAINT post_metrics_impressions_check CHECK ((impressions >= 0)),
    CONSTRAINT post_metrics_workspace_id_fkey FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
) PARTITION BY RANGE (recorded_at);
ALTER TABLE public.post_metrics ENABLE ROW LEVEL SECURITY;

-- schemac:step comment on table public.post_metrics
COMMENT ON TABLE public.post_metrics IS 'Engagement samples; partitioned by month of recorded_at.';

-- schemac:step alter table public.post_metrics (privileges of authenticated)
GRANT SELECT ON TABLE public.post_metrics TO authenticated;

-- schemac:step alter table public.post_metrics (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.post_metrics TO service_role;

-- schemac:step create table public.post_metrics_2026_11
CREATE TABLE public.post_metrics_2026_11 PARTITION OF public.post_metrics FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');

-- schemac:step create table public.post_metrics_2026_12
CREATE TABLE public.post_metrics_2026_12 PARTITION OF public.post_metrics FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');

-- schemac:step create table public.post_metrics_default
CREATE TABLE public.post_metrics_default PARTITION OF public.post_metrics DEFAULT;

-- schemac:step create table public.usage_counters
CREATE TABLE public.usage_counters (
    tenant_id uuid NOT NULL,
    day date NOT NULL,
    metric text NOT NULL,
    value bigint DEFAULT 0 NOT NULL,
    CONSTRAINT usage_counters_pkey PRIMARY KEY (tenant_id, day, metric),
    CONSTRAINT usage_counters_metric_check CHECK ((metric = ANY (ARRAY['posts'::text, 'media_bytes'::text, 'api_calls'::text, 'webhooks'::text]))),
    CONSTRAINT usage_counters_value_check CHECK ((value >= 0)),
    CONSTRAINT usage_counters_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id) ON DELETE CASCADE
);
ALTER TABLE public.usage_counters ENABLE ROW LEVEL SECURITY;

-- schemac:step alter table public.usage_counters (privileges of authenticated)
GRANT SELECT ON TABLE public.usage_counters TO authenticated;

-- schemac:step alter table public.usage_counters (privileges of service_role)
GRANT DELETE, INSERT, SELECT, UPDATE ON TABLE public.usage_counters TO service_role;

-- schemac:step create function public.engagement_rate(numeric, numeric)
CREATE OR REPLACE FUNCTION public.engagement_rate(impressions numeric, clicks numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN (impressions = (0)::numeric) THEN (0)::numeric ELSE round((clicks / impressions), 4) END;

-- schemac:step create materialized view public.workspace_dashboard
CREATE MATERIALIZED VIEW public.workspace_dashboard AS
 SELECT post_metrics.workspace_id,
    date_trunc('day'::text, post_metrics.recorded_at) AS day,
    sum(post_metrics.impressions) AS impressions,
    sum(post_metrics.clicks) AS clicks,
    public.engagement_rate(sum(post_metrics.impressions), sum(post_metrics.clicks)) AS engagement
   FROM public.post_metrics
  GROUP BY post_metrics.workspace_id, (date_trunc('day'::text, post_metrics.recorded_at));

-- schemac:step alter materialized view public.workspace_dashboard (privileges of service_role)
GRANT SELECT ON TABLE public.workspace_dashboard TO service_role;

-- schemac:step create view public.workspace_dashboard_mine
CREATE VIEW public.workspace_dashboard_mine WITH (security_barrier=true) AS
 SELECT workspace_dashboard.workspace_id,
    workspace_dashboard.day,
    workspace_dashboard.impressions,
    workspace_dashboard.clicks,
    workspace_dashboard.engagement
   FROM public.workspace_dashboard
  WHERE public.in_current_tenant(workspace_dashboard.workspace_id);

-- schemac:step alter view public.workspace_dashboard_mine (privileges of authenticated)
GRANT SELECT ON TABLE public.workspace_dashboard_mine TO authenticated;

-- schemac:step create policy post_metrics_tenant ON public.post_metrics
CREATE POLICY post_metrics_tenant ON public.post_metrics FOR SELECT TO authenticated USING (public.in_current_tenant(workspace_id));

-- schemac:step create policy usage_counters_tenant ON public.usage_counters
CREATE POLICY usage_counters_tenant ON public.usage_counters FOR SELECT TO authenticated USING ((tenant_id = public.current_tenant_id()));
