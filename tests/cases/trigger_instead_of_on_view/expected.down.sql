DROP TRIGGER live_items_delete ON public.live_items;

DROP FUNCTION public.soft_delete();
