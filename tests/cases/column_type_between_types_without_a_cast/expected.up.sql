-- hazard table-rewrite: rewrites the table to convert column public.account.balance from public.amount to bigint
-- hazard data-loss: converts column public.account.balance from public.amount to bigint: values may be rounded or cut, or fail to convert
ALTER TABLE public.account ALTER COLUMN balance TYPE bigint USING balance::bigint;

-- hazard table-rewrite: rewrites the table to convert column public.account.history from public.old_status[] to public.new_status[] through its text form (PostgreSQL has no cast between them): a row whose text is no valid public.new_status[] makes it fail
-- hazard data-loss: converts column public.account.history from public.old_status[] to public.new_status[]: values may be rounded or cut, or fail to convert
ALTER TABLE public.account ALTER COLUMN history TYPE public.new_status[] USING history::text[]::public.new_status[];

-- hazard table-rewrite: rewrites the table to convert column public.account.seen_at from bigint to timestamp without time zone through its text form (PostgreSQL has no cast between them): a row whose text is no valid timestamp without time zone makes it fail
-- hazard data-loss: converts column public.account.seen_at from bigint to timestamp without time zone: values may be rounded or cut, or fail to convert
ALTER TABLE public.account ALTER COLUMN seen_at TYPE timestamp without time zone USING seen_at::text::timestamp without time zone;

-- hazard table-rewrite: rewrites the table to convert column public.account.status from public.old_status to public.new_status through its text form (PostgreSQL has no cast between them): a row whose text is no valid public.new_status makes it fail
-- hazard data-loss: converts column public.account.status from public.old_status to public.new_status: values may be rounded or cut, or fail to convert
ALTER TABLE public.account ALTER COLUMN status DROP DEFAULT;
ALTER TABLE public.account ALTER COLUMN status TYPE public.new_status USING status::text::public.new_status;
ALTER TABLE public.account ALTER COLUMN status SET DEFAULT 'active'::public.new_status;

DROP TYPE public.old_status;
