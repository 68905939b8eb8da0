-- hazard table-rewrite: rewrites the table to convert column public.events.at from timestamp without time zone to timestamp with time zone
ALTER TABLE public.events ALTER COLUMN at TYPE timestamp with time zone USING at::timestamp with time zone;
