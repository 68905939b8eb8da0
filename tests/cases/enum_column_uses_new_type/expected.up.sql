CREATE TYPE public.state AS ENUM ('open', 'closed');

-- hazard table-rewrite: rewrites the table to convert column public.t.state from text to public.state
-- hazard data-loss: converts column public.t.state from text to public.state: values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN state DROP DEFAULT;
ALTER TABLE public.t ALTER COLUMN state TYPE public.state USING state::public.state;
ALTER TABLE public.t ALTER COLUMN state SET DEFAULT 'open'::public.state;
