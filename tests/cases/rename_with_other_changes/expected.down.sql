-- hazard data-loss: converts column public.members.display_name from text to character varying(50): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose display_name does not fit in character varying(50) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.members ALTER COLUMN display_name TYPE character varying(50);

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
DROP INDEX CONCURRENTLY IF EXISTS public.members_tenant_idx;

ALTER TABLE public.members DROP CONSTRAINT members_tenant_fkey;

ALTER TABLE public.members ALTER COLUMN tenant DROP NOT NULL;

-- hazard data-loss: drops column public.members.joined_at and its data
ALTER TABLE public.members DROP COLUMN joined_at;

ALTER TABLE public.members RENAME CONSTRAINT members_pkey TO users_pkey;

ALTER TABLE public.members RENAME COLUMN display_name TO name;

ALTER TABLE public.members RENAME TO users;
