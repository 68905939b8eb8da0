CREATE SEQUENCE public.t_id_seq;

ALTER TABLE public.t ADD COLUMN id bigint DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL;

ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
