ALTER TABLE public.note DROP CONSTRAINT note_tag;

-- hazard data-loss: drops table public.ticket and every row in it
DROP TABLE public.ticket;
