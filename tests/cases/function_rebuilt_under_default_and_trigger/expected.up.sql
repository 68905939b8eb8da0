ALTER TABLE public.webhooks ALTER COLUMN code DROP DEFAULT;

CREATE OR REPLACE FUNCTION public.keep_secret()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
AS $function$
BEGIN
    NEW.secret := OLD.secret;
    RETURN NEW;
END
$function$;

DROP FUNCTION public.new_code(text);

CREATE OR REPLACE FUNCTION public.new_code(kind text)
 RETURNS text
 LANGUAGE sql
RETURN ((kind || '-'::text) || substr(md5((random())::text), 1, 8));

ALTER TABLE public.webhooks ALTER COLUMN code SET DEFAULT public.new_code('wh'::text);
