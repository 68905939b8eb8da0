CREATE SEQUENCE public.s2;

ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.s2'::regclass);

DROP SEQUENCE public.s1;
