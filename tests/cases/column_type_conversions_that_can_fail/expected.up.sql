-- hazard table-rewrite: rewrites the table to convert column public.ledger.amount from numeric(12,2) to bigint
-- hazard data-loss: converts column public.ledger.amount from numeric(12,2) to bigint: values may be rounded or cut, or fail to convert
ALTER TABLE public.ledger ALTER COLUMN amount TYPE bigint USING amount::bigint;

-- hazard data-loss: converts column public.ledger.booked_at from timestamp(6) without time zone to timestamp(0) without time zone: values may be rounded or cut, or fail to convert
ALTER TABLE public.ledger ALTER COLUMN booked_at TYPE timestamp(0) without time zone;

-- hazard data-loss: converts column public.ledger.code from character varying(20) to character varying(10): values may be rounded or cut, or fail to convert
ALTER TABLE public.ledger ALTER COLUMN code TYPE character varying(10);

-- hazard table-rewrite: rewrites the table to convert column public.ledger.counter from integer to bigint
ALTER TABLE public.ledger ALTER COLUMN counter TYPE bigint USING counter::bigint;

-- hazard table-rewrite: rewrites the table to convert column public.ledger.note from numeric to text
ALTER TABLE public.ledger ALTER COLUMN note TYPE text USING note::text;

-- hazard table-rewrite: rewrites the table to convert column public.ledger.quantity from bigint to integer
-- hazard data-loss: converts column public.ledger.quantity from bigint to integer: values may be rounded or cut, or fail to convert
ALTER TABLE public.ledger ALTER COLUMN quantity TYPE integer USING quantity::integer;

-- hazard data-loss: converts column public.ledger.rate from numeric(12,4) to numeric(12,2): values may be rounded or cut, or fail to convert
ALTER TABLE public.ledger ALTER COLUMN rate TYPE numeric(12,2);

-- hazard data-loss: converts column public.ledger.total from numeric(12,2) to numeric(8,2): values may be rounded or cut, or fail to convert
ALTER TABLE public.ledger ALTER COLUMN total TYPE numeric(8,2);
