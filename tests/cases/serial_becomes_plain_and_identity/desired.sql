CREATE TABLE public.items (
    plain_now integer NOT NULL,
    identity_now integer GENERATED ALWAYS AS IDENTITY,
    serial_now serial
);
