-- What a publication names changes under it: a table rebuilt (its drop
-- takes the membership along) joins again once created; a column of a
-- column list that is dropped, or of a row filter that is retyped, leaves
-- first (PostgreSQL refuses either while the publication names it).
CREATE TABLE public.readings (id bigint, at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE public.lab_results (id bigint PRIMARY KEY, score integer, summary text);
CREATE TABLE public.samples (id bigint PRIMARY KEY, label text);

CREATE PUBLICATION lab FOR TABLE public.lab_results (id, score, summary) WHERE (score > 0),
    TABLE public.readings, TABLE public.samples;
