ALTER TABLE public."Tab" ADD COLUMN "new Col" integer;

-- hazard table-rewrite: rewrites the table to convert column public."Tab"."Col" from integer to bigint
ALTER TABLE public."Tab" ALTER COLUMN "Col" TYPE bigint USING "Col"::bigint;
ALTER TABLE public."Tab" ALTER COLUMN "Col" SET DEFAULT 1;

ALTER TABLE public."Tab" ADD CONSTRAINT "Col_schemac_not_null" CHECK ("Col" IS NOT NULL) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public."Tab" VALIDATE CONSTRAINT "Col_schemac_not_null";

ALTER TABLE public."Tab" ALTER COLUMN "Col" SET NOT NULL;
ALTER TABLE public."Tab" DROP CONSTRAINT "Col_schemac_not_null";

-- hazard data-loss: converts column public."Tab"."user" from text to character varying(10): values may be rounded or cut, or fail to convert
ALTER TABLE public."Tab" ALTER COLUMN "user" TYPE character varying(10);
