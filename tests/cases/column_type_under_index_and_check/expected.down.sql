ALTER TABLE public.t DROP CONSTRAINT t_code_check;

-- hazard data-loss: converts column public.t.code from text to character varying(8): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose code does not fit in character varying(8) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.t ALTER COLUMN code TYPE character varying(8);

ALTER TABLE public.t ADD CONSTRAINT t_code_check CHECK (((code)::text <> ''::text)) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
-- hazard needs-data: rows of public.t that fail check t_code_check make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`)
ALTER TABLE public.t VALIDATE CONSTRAINT t_code_check;
