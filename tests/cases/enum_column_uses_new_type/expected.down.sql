-- hazard table-rewrite: rewrites the table to convert column public.t.state from public.state to text
ALTER TABLE public.t ALTER COLUMN state DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN state TYPE text USING state::text;
ALTER TABLE public.t ALTER COLUMN state SET DEFAULT 'open'::text;

DROP TYPE public.state;
