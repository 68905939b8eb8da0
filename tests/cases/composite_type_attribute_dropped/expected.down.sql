CREATE TYPE public."Geo Point" AS (
    lat double precision,
    lon double precision
);

ALTER TYPE public.address ADD ATTRIBUTE legacy_code integer;

COMMENT ON TYPE public.address IS NULL;
