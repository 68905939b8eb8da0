CREATE TABLE public.archive (
    id bigint,
    payload jsonb
);
ALTER TABLE ONLY public.archive ALTER COLUMN id SET STATISTICS 10;
ALTER TABLE ONLY public.archive ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE ONLY public.archive ALTER COLUMN payload SET COMPRESSION lz4;

ALTER TABLE public.documents ALTER COLUMN body SET COMPRESSION lz4;

ALTER TABLE public.documents ALTER COLUMN raw SET COMPRESSION DEFAULT;

ALTER TABLE public.documents ALTER COLUMN title SET STATISTICS 1000;

ALTER TABLE public.documents ALTER COLUMN version SET STATISTICS 50;

ALTER TABLE public.documents ADD COLUMN notes text;
ALTER TABLE public.documents ALTER COLUMN notes SET STORAGE EXTERNAL;

-- hazard data-loss: converts column public.documents.summary from text to character varying(500): values may be rounded or cut, or fail to convert
ALTER TABLE public.documents ALTER COLUMN summary TYPE character varying(500);

ALTER TABLE public.documents ALTER COLUMN summary SET STORAGE MAIN;
