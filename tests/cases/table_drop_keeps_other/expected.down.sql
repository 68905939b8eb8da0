-- hazard needs-data: re-creates table public.b empty: what the forward script dropped with it does not come back (copy it back in the data phase, `schemac diff --write NAME --data-down FILE`)
CREATE TABLE public.b (
    id integer,
    note text
);
