-- hazard needs-data: re-creates table public.renamed empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.renamed (
    id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.original_id_seq START WITH 10),
    note text
);
