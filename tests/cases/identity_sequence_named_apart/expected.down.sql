CREATE TABLE public.renamed (
    id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.original_id_seq START WITH 10),
    note text
);
