-- hazard data-loss: converts column public.t.code from character varying(40) to character varying(10): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose code does not fit in character varying(10) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.t ALTER COLUMN code TYPE character varying(10);

-- hazard data-loss: converts column public.t.label from text to character varying(50): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose label does not fit in character varying(50) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.t ALTER COLUMN label TYPE character varying(50);
