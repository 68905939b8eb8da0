CREATE SEQUENCE public.items_serial_now_seq AS integer;

ALTER TABLE public.items ALTER COLUMN identity_now DROP DEFAULT;

ALTER TABLE public.items ALTER COLUMN plain_now DROP DEFAULT;

ALTER TABLE public.items ALTER COLUMN serial_now SET DEFAULT nextval('public.items_serial_now_seq'::regclass);

ALTER SEQUENCE public.items_serial_now_seq OWNED BY public.items.serial_now;

DROP SEQUENCE public.items_identity_now_seq;

ALTER TABLE public.items ALTER COLUMN identity_now ADD GENERATED ALWAYS AS IDENTITY;

DROP SEQUENCE public.items_plain_now_seq;
