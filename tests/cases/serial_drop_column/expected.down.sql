CREATE SEQUENCE public.t_id_seq;

-- hazard table-rewrite: rewrites the table to compute the volatile default nextval('public.t_id_seq'::regclass) of column public.t.id for every row
-- hazard needs-data: re-creates column public.t.id empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.t ADD COLUMN id bigint DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
