CREATE DOMAIN public."Percent" AS numeric(5,2) CONSTRAINT "Percent_check" CHECK (((VALUE >= (0)::numeric) AND (VALUE <= (100)::numeric)));

ALTER TYPE public.address ALTER ATTRIBUTE zip TYPE text, ADD ATTRIBUTE country character(2);

ALTER TABLE public.users ADD COLUMN discount public."Percent";

ALTER TABLE public.users ADD COLUMN home public.address;

-- hazard needs-data: values of public.email in the columns that use it that break it make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER DOMAIN public.email DROP CONSTRAINT email_at;
ALTER DOMAIN public.email ADD CONSTRAINT email_at CHECK ((VALUE ~ '^[^@]+@[^@]+$'::text));
ALTER DOMAIN public.email ADD CONSTRAINT email_length CHECK ((length(VALUE) <= 254));

COMMENT ON DOMAIN public.email IS 'An e-mail address, roughly checked';

GRANT USAGE ON DOMAIN public.email TO authenticated;

-- hazard needs-data: values of public.positive_int in the columns that use it that break it make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER DOMAIN public.positive_int SET DEFAULT 1;
ALTER DOMAIN public.positive_int SET NOT NULL;

DROP DOMAIN public.legacy_code;

DROP TYPE public.unused;
