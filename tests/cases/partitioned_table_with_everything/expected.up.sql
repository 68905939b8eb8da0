CREATE TABLE public.usage_events (
    tenant_id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    kind text NOT NULL,
    amount bigint NOT NULL,
    CONSTRAINT usage_events_pkey PRIMARY KEY (tenant_id, at, kind),
    CONSTRAINT usage_events_amount_check CHECK ((amount >= 0)),
    CONSTRAINT usage_events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES public.tenants(id)
) PARTITION BY RANGE (at);
ALTER TABLE public.usage_events ENABLE ROW LEVEL SECURITY;

GRANT SELECT ON TABLE public.usage_events TO authenticated;

GRANT INSERT, SELECT ON TABLE public.usage_events TO service_role;

CREATE TABLE public.usage_events_2026_11 PARTITION OF public.usage_events FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00');

CREATE TABLE public.usage_events_2026_12 PARTITION OF public.usage_events FOR VALUES FROM ('2026-12-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');

CREATE OR REPLACE FUNCTION public.reject_negative()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    IF NEW.amount < 0 THEN RAISE EXCEPTION 'negative usage'; END IF;
    RETURN NEW;
END
$function$;

CREATE INDEX usage_events_2026_11_kind_at_idx ON public.usage_events_2026_11 USING btree (kind, at);
CREATE INDEX usage_events_2026_12_kind_at_idx ON public.usage_events_2026_12 USING btree (kind, at);
CREATE INDEX usage_events_kind_idx ON public.usage_events USING btree (kind, at);

CREATE TRIGGER usage_events_check BEFORE INSERT ON public.usage_events FOR EACH ROW EXECUTE FUNCTION public.reject_negative();

CREATE POLICY usage_events_tenant ON public.usage_events TO PUBLIC USING ((tenant_id = (current_setting('app.tenant_id'::text))::bigint));
