-- hazard table-rewrite: rewrites the table to convert column public.ledger.amount from bigint to numeric(12,2)
-- hazard data-loss: converts column public.ledger.amount from bigint to numeric(12,2): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose amount does not fit in numeric(12,2) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.ledger ALTER COLUMN amount TYPE numeric(12,2) USING amount::numeric(12,2);

ALTER TABLE public.ledger ALTER COLUMN booked_at TYPE timestamp(6) without time zone;

ALTER TABLE public.ledger ALTER COLUMN code TYPE character varying(20);

-- hazard table-rewrite: rewrites the table to convert column public.ledger.counter from bigint to integer
-- hazard data-loss: converts column public.ledger.counter from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose counter does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.ledger ALTER COLUMN counter TYPE integer USING counter::integer;

-- hazard table-rewrite: rewrites the table to convert column public.ledger.note from text to numeric
-- hazard data-loss: converts column public.ledger.note from text to numeric: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose note does not convert to numeric with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.ledger ALTER COLUMN note TYPE numeric USING note::numeric;

-- hazard table-rewrite: rewrites the table to convert column public.ledger.quantity from integer to bigint
ALTER TABLE public.ledger ALTER COLUMN quantity TYPE bigint USING quantity::bigint;

ALTER TABLE public.ledger ALTER COLUMN rate TYPE numeric(12,4);

ALTER TABLE public.ledger ALTER COLUMN total TYPE numeric(12,2);
