CREATE CONSTRAINT TRIGGER posts_version AFTER UPDATE OF version ON public.posts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_version();

COMMENT ON TRIGGER posts_version ON public.posts IS 'Checked at commit';

DROP TRIGGER posts_touch ON public.posts;

CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := clock_timestamp();
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$function$;

COMMENT ON FUNCTION public.touch() IS 'Stamps and versions every update';

CREATE TRIGGER posts_touch BEFORE UPDATE ON public.posts FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.touch();
