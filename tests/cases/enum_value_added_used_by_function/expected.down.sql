DROP FUNCTION public.is_happy(public.mood);

-- hazard enum-rebuild: rebuilds type public.mood and converts the columns that use it; rows holding removed value(s) 'ok' make it fail
ALTER TYPE public.mood RENAME TO mood__schemac_old;
CREATE TYPE public.mood AS ENUM ('sad', 'happy');
DROP TYPE public.mood__schemac_old;

CREATE OR REPLACE FUNCTION public.is_happy(m public.mood)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
RETURN (m = 'happy'::public.mood);
