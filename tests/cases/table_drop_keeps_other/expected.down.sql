CREATE TABLE public.b (
    id integer,
    note text
);
