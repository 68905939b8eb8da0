CREATE OR REPLACE FUNCTION public.soft_delete()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    UPDATE items SET deleted = true WHERE id = OLD.id;
    RETURN OLD;
END
$function$;

CREATE TRIGGER live_items_delete INSTEAD OF DELETE ON public.live_items FOR EACH ROW EXECUTE FUNCTION public.soft_delete();
