-- hazard table-rewrite: rewrites the table to convert column public.events.at from timestamp with time zone to timestamp without time zone
ALTER TABLE public.events ALTER COLUMN at TYPE timestamp without time zone USING at::timestamp without time zone;
