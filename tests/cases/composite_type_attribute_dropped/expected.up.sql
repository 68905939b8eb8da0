ALTER TYPE public.address DROP ATTRIBUTE legacy_code;

COMMENT ON TYPE public.address IS 'A postal address';

DROP TYPE public."Geo Point";
