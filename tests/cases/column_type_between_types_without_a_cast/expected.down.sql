CREATE TYPE public.old_status AS ENUM ('active', 'inactive');

-- hazard table-rewrite: rewrites the table to convert column public.account.balance from bigint to public.amount
-- hazard data-loss: converts column public.account.balance from bigint to public.amount: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose balance does not convert to public.amount with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.account ALTER COLUMN balance TYPE public.amount USING balance::public.amount;

-- hazard table-rewrite: rewrites the table to convert column public.account.history from public.new_status[] to public.old_status[] through its text form (PostgreSQL has no cast between them): a row whose text is no valid public.old_status[] makes it fail
-- hazard data-loss: converts column public.account.history from public.new_status[] to public.old_status[]: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose history as text is no valid public.old_status[] make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.account ALTER COLUMN history TYPE public.old_status[] USING history::text[]::public.old_status[];

-- hazard table-rewrite: rewrites the table to convert column public.account.seen_at from timestamp without time zone to bigint through its text form (PostgreSQL has no cast between them): a row whose text is no valid bigint makes it fail
-- hazard data-loss: converts column public.account.seen_at from timestamp without time zone to bigint: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose seen_at as text is no valid bigint make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.account ALTER COLUMN seen_at TYPE bigint USING seen_at::text::bigint;

-- hazard table-rewrite: rewrites the table to convert column public.account.status from public.new_status to public.old_status through its text form (PostgreSQL has no cast between them): a row whose text is no valid public.old_status makes it fail
-- hazard data-loss: converts column public.account.status from public.new_status to public.old_status: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose status as text is no valid public.old_status make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.account ALTER COLUMN status DROP DEFAULT;
ALTER TABLE public.account ALTER COLUMN status TYPE public.old_status USING status::text::public.old_status;
ALTER TABLE public.account ALTER COLUMN status SET DEFAULT 'active'::public.old_status;
