-- hazard table-rewrite: rewrites the table to convert column public."Tab"."Col" from integer to bigint
ALTER TABLE public."Tab" ALTER COLUMN "Col" TYPE bigint USING "Col"::bigint;
ALTER TABLE public."Tab" ALTER COLUMN "Col" SET DEFAULT 1;
ALTER TABLE public."Tab" ALTER COLUMN "Col" SET NOT NULL;

ALTER TABLE public."Tab" ALTER COLUMN "user" TYPE character varying(10);

ALTER TABLE public."Tab" ADD COLUMN "new Col" integer;
