CREATE TABLE public.readings (id bigint, at timestamptz) PARTITION BY LIST (id);
CREATE TABLE public.lab_results (id bigint PRIMARY KEY, score bigint);
CREATE TABLE public.samples (id bigint PRIMARY KEY, label text);

CREATE PUBLICATION lab FOR TABLE public.lab_results (id, score) WHERE (score > 0),
    TABLE public.readings, TABLE public.samples;
