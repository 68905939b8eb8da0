-- hazard needs-data: values of public.score in the columns that use it that break it make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER DOMAIN public.score SET DEFAULT 0;
ALTER DOMAIN public.score SET NOT NULL;
ALTER DOMAIN public.score ADD CONSTRAINT score_range CHECK (((VALUE >= 0) AND (VALUE <= 100)));
