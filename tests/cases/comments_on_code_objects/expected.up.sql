COMMENT ON FUNCTION public.f() IS 'It''s the trigger function';

COMMENT ON VIEW public.v IS 'Every id';

COMMENT ON TRIGGER t_f ON public.t IS 'Runs f';

COMMENT ON POLICY p ON public.t IS 'Everyone sees everything';
