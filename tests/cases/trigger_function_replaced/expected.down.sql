DROP TRIGGER posts_touch ON public.posts;

CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$function$;

COMMENT ON FUNCTION public.touch() IS NULL;

CREATE TRIGGER posts_touch BEFORE UPDATE ON public.posts FOR EACH ROW EXECUTE FUNCTION public.touch();

DROP TRIGGER posts_version ON public.posts;
