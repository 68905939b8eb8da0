CREATE TABLE public.a (
    id integer NOT NULL,
    c_id integer,
    CONSTRAINT a_pkey PRIMARY KEY (id)
);

CREATE TABLE public.b (
    id integer NOT NULL,
    a_id integer,
    CONSTRAINT b_pkey PRIMARY KEY (id)
);

CREATE TABLE public.c (
    id integer NOT NULL,
    b_id integer,
    CONSTRAINT c_pkey PRIMARY KEY (id)
);

ALTER TABLE public.a ADD CONSTRAINT a_c_fkey FOREIGN KEY (c_id) REFERENCES public.c(id);

ALTER TABLE public.b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.a(id);

ALTER TABLE public.c ADD CONSTRAINT c_b_id_fkey FOREIGN KEY (b_id) REFERENCES public.b(id);
