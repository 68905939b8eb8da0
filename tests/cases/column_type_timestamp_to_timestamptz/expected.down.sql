-- hazard table-rewrite: rewrites the table to convert column public.events.at from timestamp with time zone to timestamp without time zone
-- hazard data-loss: converts column public.events.at from timestamp with time zone to timestamp without time zone: values may be rounded or cut, or fail to convert
ALTER TABLE public.events ALTER COLUMN at TYPE timestamp without time zone USING at::timestamp without time zone;
