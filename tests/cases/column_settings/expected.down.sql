ALTER TABLE public.documents ALTER COLUMN body SET COMPRESSION DEFAULT;

ALTER TABLE public.documents ALTER COLUMN raw SET COMPRESSION pglz;

ALTER TABLE public.documents ALTER COLUMN title SET STATISTICS 200;

ALTER TABLE public.documents ALTER COLUMN version SET STATISTICS -1;

ALTER TABLE public.documents ALTER COLUMN summary TYPE text;

ALTER TABLE public.documents ALTER COLUMN summary SET STORAGE MAIN;

ALTER TABLE public.measures ALTER COLUMN note TYPE text;

ALTER TABLE public.measures ALTER COLUMN note SET COMPRESSION lz4;
ALTER TABLE ONLY public.measures_low ALTER COLUMN note SET COMPRESSION lz4;

-- hazard data-loss: drops column public.documents.notes and its data
ALTER TABLE public.documents DROP COLUMN notes;

-- hazard data-loss: drops table public.archive and every row in it
DROP TABLE public.archive;
