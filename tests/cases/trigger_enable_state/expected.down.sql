ALTER TABLE public.t ENABLE TRIGGER to_always;

ALTER TABLE public.t ENABLE TRIGGER to_disable;

ALTER TABLE public.t DISABLE TRIGGER to_enable;

ALTER TABLE public.t ENABLE TRIGGER to_replica;

DROP TRIGGER new_disabled ON public.t;
