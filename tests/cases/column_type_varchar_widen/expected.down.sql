-- hazard data-loss: converts column public.t.code from character varying(40) to character varying(10): values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN code TYPE character varying(10);

-- hazard data-loss: converts column public.t.label from text to character varying(50): values may be rounded or cut, or fail to convert
ALTER TABLE public.t ALTER COLUMN label TYPE character varying(50);
