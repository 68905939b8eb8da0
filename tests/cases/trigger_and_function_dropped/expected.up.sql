DROP TRIGGER t_touch ON public.t;

DROP FUNCTION public.touch();
