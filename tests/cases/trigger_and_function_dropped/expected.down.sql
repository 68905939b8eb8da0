CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$ BEGIN NEW.at := now(); RETURN NEW; END $function$;

CREATE TRIGGER t_touch BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();

COMMENT ON TRIGGER t_touch ON public.t IS 'Stamps inserts';
