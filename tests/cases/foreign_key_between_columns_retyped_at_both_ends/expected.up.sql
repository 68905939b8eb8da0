-- hazard table-rewrite: rewrites the table to convert column public.legacy.id from integer to bigint
ALTER TABLE public.legacy ALTER COLUMN id TYPE bigint USING id::bigint;

ALTER TABLE public.login DROP CONSTRAINT login_account_id_fkey;

-- hazard table-rewrite: rewrites the table to convert column public.account.id from bigint to timestamp without time zone through its text form (PostgreSQL has no cast between them): a row whose text is no valid timestamp without time zone makes it fail
-- hazard data-loss: converts column public.account.id from bigint to timestamp without time zone: values may be rounded or cut, or fail to convert
ALTER TABLE public.account ALTER COLUMN id TYPE timestamp without time zone USING id::text::timestamp without time zone;

-- hazard table-rewrite: rewrites the table to convert column public.login.account_id from bigint to timestamp without time zone through its text form (PostgreSQL has no cast between them): a row whose text is no valid timestamp without time zone makes it fail
-- hazard data-loss: converts column public.login.account_id from bigint to timestamp without time zone: values may be rounded or cut, or fail to convert
ALTER TABLE public.login ALTER COLUMN account_id TYPE timestamp without time zone USING account_id::text::timestamp without time zone;

ALTER TABLE public.login ADD CONSTRAINT login_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account(id) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.login VALIDATE CONSTRAINT login_account_id_fkey;
