-- hazard enum-rebuild: rebuilds type public.level and converts the columns that use it
ALTER TYPE public.level RENAME TO level__schemac_old;
CREATE TYPE public.level AS ENUM ('low', 'high');
ALTER TABLE public.t ALTER COLUMN l TYPE public.level USING l::text::public.level;
DROP TYPE public.level__schemac_old;
