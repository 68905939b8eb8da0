ALTER PUBLICATION lab DROP TABLE ONLY public.lab_results, TABLE ONLY public.readings;

-- hazard table-rewrite: rewrites the table to convert column public.lab_results.score from integer to bigint
ALTER TABLE public.lab_results ALTER COLUMN score TYPE bigint USING score::bigint;

-- hazard data-loss: drops column public.lab_results.summary and its data
ALTER TABLE public.lab_results DROP COLUMN summary;

-- hazard data-loss: drops table public.readings and every row in it
DROP TABLE public.readings;

CREATE TABLE public.readings (
    id bigint,
    at timestamp with time zone
) PARTITION BY LIST (id);

ALTER PUBLICATION lab ADD TABLE ONLY public.lab_results (id, score) WHERE ((score > 0)), TABLE ONLY public.readings;
