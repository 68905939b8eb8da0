ALTER TABLE public.t ADD COLUMN legacy text;

ALTER TABLE public.t ADD COLUMN flags integer[];
