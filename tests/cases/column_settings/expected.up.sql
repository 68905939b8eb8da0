CREATE TABLE public.archive (
    id bigint,
    payload jsonb COMPRESSION lz4
);
ALTER TABLE ONLY public.archive ALTER COLUMN id SET STATISTICS 10;
ALTER TABLE ONLY public.archive ALTER COLUMN payload SET STORAGE EXTERNAL;

ALTER TABLE public.documents ALTER COLUMN body SET COMPRESSION lz4;

ALTER TABLE public.documents ALTER COLUMN raw SET COMPRESSION DEFAULT;

ALTER TABLE public.documents ALTER COLUMN title SET STATISTICS 1000;

ALTER TABLE public.documents ALTER COLUMN version SET STATISTICS 50;

ALTER TABLE public.documents ADD COLUMN notes text;
ALTER TABLE public.documents ALTER COLUMN notes SET STORAGE EXTERNAL;

-- hazard data-loss: converts column public.documents.summary from text to character varying(500): values may be rounded or cut, or fail to convert
ALTER TABLE public.documents ALTER COLUMN summary TYPE character varying(500);

ALTER TABLE public.documents ALTER COLUMN summary SET STORAGE MAIN;

-- hazard data-loss: converts column public.measures.note from text to character varying(200): values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose note does not fit in character varying(200) make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.measures ALTER COLUMN note TYPE character varying(200);

ALTER TABLE public.measures ALTER COLUMN note SET COMPRESSION lz4;
ALTER TABLE ONLY public.measures_low ALTER COLUMN note SET COMPRESSION lz4;
