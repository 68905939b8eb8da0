CREATE OR REPLACE FUNCTION public."Legacy"()
 RETURNS integer
 LANGUAGE sql
RETURN 1;

CREATE OR REPLACE FUNCTION public.slugify(title text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN lower(replace(title, ' '::text, '-'::text));

DROP PROCEDURE public.log_message(text);

-- hazard data-loss: drops table public.audit_log and every row in it
DROP TABLE public.audit_log;
