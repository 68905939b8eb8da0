CREATE SEQUENCE public.s1;

ALTER TABLE public.t ALTER COLUMN id SET DEFAULT nextval('public.s1'::regclass);

DROP SEQUENCE public.s2;
