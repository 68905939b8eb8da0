-- hazard data-loss: drops table public.renamed and every row in it
DROP TABLE public.renamed;
