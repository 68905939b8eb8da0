-- hazard needs-data: re-creates column public.t.legacy empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.t ADD COLUMN legacy text;

-- hazard needs-data: re-creates column public.t.flags empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.t ADD COLUMN flags integer[];
