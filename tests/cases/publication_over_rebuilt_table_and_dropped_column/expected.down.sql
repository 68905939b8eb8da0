-- hazard needs-data: re-creates column public.lab_results.summary empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
ALTER TABLE public.lab_results ADD COLUMN summary text;

ALTER PUBLICATION lab DROP TABLE ONLY public.lab_results, TABLE ONLY public.readings;

-- hazard table-rewrite: rewrites the table to convert column public.lab_results.score from bigint to integer
-- hazard data-loss: converts column public.lab_results.score from bigint to integer: values may be rounded or cut, or fail to convert
-- hazard needs-data: rows whose score does not convert to integer with a cast make it fail: change them first, in the data phase (`schemac diff --write NAME --data FILE`), or give the conversion above the column in the tree (`-- schemac:using <expression>`; `-- schemac:using-reverse` for the reverse script)
ALTER TABLE public.lab_results ALTER COLUMN score TYPE integer USING score::integer;

-- hazard data-loss: drops table public.readings and every row in it
DROP TABLE public.readings;

-- hazard needs-data: re-creates table public.readings empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.readings (
    id bigint,
    at timestamp with time zone
) PARTITION BY RANGE (at);

ALTER PUBLICATION lab ADD TABLE ONLY public.lab_results (id, score, summary) WHERE ((score > 0)), TABLE ONLY public.readings;
