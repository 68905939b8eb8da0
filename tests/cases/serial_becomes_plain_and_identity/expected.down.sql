CREATE SEQUENCE public.items_plain_now_seq AS integer;

ALTER TABLE public.items ALTER COLUMN identity_now DROP IDENTITY;

CREATE SEQUENCE public.items_identity_now_seq AS integer;

ALTER TABLE public.items ALTER COLUMN identity_now SET DEFAULT nextval('public.items_identity_now_seq'::regclass);

ALTER SEQUENCE public.items_identity_now_seq OWNED BY public.items.identity_now;

ALTER TABLE public.items ALTER COLUMN plain_now SET DEFAULT nextval('public.items_plain_now_seq'::regclass);

ALTER SEQUENCE public.items_plain_now_seq OWNED BY public.items.plain_now;

ALTER TABLE public.items ALTER COLUMN serial_now DROP DEFAULT;

DROP SEQUENCE public.items_serial_now_seq;
