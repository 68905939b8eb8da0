-- A trigger's ENABLE / DISABLE state changes in place.
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.at := now();
    RETURN NEW;
END
$$;

CREATE TABLE public.t (id integer PRIMARY KEY, at timestamptz);

CREATE TRIGGER to_disable BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.t DISABLE TRIGGER to_disable;
CREATE TRIGGER to_replica BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.t ENABLE REPLICA TRIGGER to_replica;
CREATE TRIGGER to_always BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.t ENABLE ALWAYS TRIGGER to_always;
CREATE TRIGGER to_enable BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();

-- Created disabled.
CREATE TRIGGER new_disabled BEFORE INSERT ON public.t FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.t DISABLE TRIGGER new_disabled;
