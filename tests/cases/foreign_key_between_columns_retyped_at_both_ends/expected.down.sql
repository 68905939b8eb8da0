-- hazard table-rewrite: rewrites the table to convert column public.legacy.id from bigint to integer
-- hazard data-loss: converts column public.legacy.id from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose id does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.legacy ALTER COLUMN id TYPE integer USING id::integer;

ALTER TABLE public.login DROP CONSTRAINT login_account_id_fkey;

-- hazard table-rewrite: rewrites the table to convert column public.account.id from timestamp without time zone to bigint through its text form (PostgreSQL has no cast between them): a row whose text is no valid bigint makes it fail
-- hazard data-loss: converts column public.account.id from timestamp without time zone to bigint: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose id as text is no valid bigint make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.account ALTER COLUMN id TYPE bigint USING id::text::bigint;

-- hazard table-rewrite: rewrites the table to convert column public.login.account_id from timestamp without time zone to bigint through its text form (PostgreSQL has no cast between them): a row whose text is no valid bigint makes it fail
-- hazard data-loss: converts column public.login.account_id from timestamp without time zone to bigint: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose account_id as text is no valid bigint make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.login ALTER COLUMN account_id TYPE bigint USING account_id::text::bigint;

ALTER TABLE public.login ADD CONSTRAINT login_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.login without a match for foreign key login_account_id_fkey make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.login VALIDATE CONSTRAINT login_account_id_fkey;
