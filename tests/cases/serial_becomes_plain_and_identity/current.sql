-- A serial column loses its default (the sequence it owns goes after the
-- DEFAULT nextval() that uses it), another becomes an identity column, and a
-- plain column becomes serial.
CREATE TABLE public.items (
    plain_now serial,
    identity_now serial,
    serial_now integer NOT NULL
);
