-- hazard data-loss: drops column public.t.code and its data
ALTER TABLE public.t DROP COLUMN code;

-- hazard data-loss: drops column public.t.created_at and its data
ALTER TABLE public.t DROP COLUMN created_at;

-- hazard data-loss: drops column public.t.n and its data
ALTER TABLE public.t DROP COLUMN n;

-- hazard data-loss: drops column public.t.seen and its data
ALTER TABLE public.t DROP COLUMN seen;

-- hazard data-loss: drops column public.t.token and its data
ALTER TABLE public.t DROP COLUMN token;
