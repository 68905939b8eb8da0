CREATE DOMAIN public.legacy_code AS character varying(10);

ALTER DOMAIN public.positive_int DROP DEFAULT;
ALTER DOMAIN public.positive_int DROP NOT NULL;

CREATE TYPE public.unused AS (
    a integer
);

-- hazard needs-data: values of public.email in the columns that use it that break it make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER DOMAIN public.email DROP CONSTRAINT email_at;
ALTER DOMAIN public.email DROP CONSTRAINT email_length;
ALTER DOMAIN public.email ADD CONSTRAINT email_at CHECK ((VALUE ~ '@'::text));

COMMENT ON DOMAIN public.email IS NULL;

REVOKE USAGE ON DOMAIN public.email FROM authenticated;

-- hazard data-loss: drops column public.users.discount and its data
ALTER TABLE public.users DROP COLUMN discount;

-- hazard data-loss: drops column public.users.home and its data
ALTER TABLE public.users DROP COLUMN home;

ALTER TYPE public.address DROP ATTRIBUTE country, ALTER ATTRIBUTE zip TYPE character varying(10);

DROP DOMAIN public."Percent";
