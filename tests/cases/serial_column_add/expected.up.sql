CREATE SEQUENCE public.t_id_seq AS integer;

-- hazard table-rewrite: rewrites the table to compute the volatile default nextval('public.t_id_seq'::regclass) of column public.t.id for every row
ALTER TABLE public.t ADD COLUMN id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
