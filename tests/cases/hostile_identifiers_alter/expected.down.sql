-- hazard table-rewrite: rewrites the table to convert column public."Tab"."Col" from bigint to integer
-- hazard data-loss: converts column public."Tab"."Col" from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose Col does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public."Tab" ALTER COLUMN "Col" DROP DEFAULT;
ALTER TABLE public."Tab" ALTER COLUMN "Col" TYPE integer USING "Col"::integer;
ALTER TABLE public."Tab" ALTER COLUMN "Col" DROP NOT NULL;

ALTER TABLE public."Tab" ALTER COLUMN "user" TYPE text;

-- hazard data-loss: drops column public."Tab"."new Col" and its data
ALTER TABLE public."Tab" DROP COLUMN "new Col";
