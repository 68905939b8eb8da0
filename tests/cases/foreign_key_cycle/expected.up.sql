CREATE TABLE public.authors (
    id integer NOT NULL,
    favourite_book integer,
    CONSTRAINT authors_pkey PRIMARY KEY (id)
);

CREATE TABLE public.books (
    id integer NOT NULL,
    author_id integer NOT NULL,
    CONSTRAINT books_pkey PRIMARY KEY (id)
);

ALTER TABLE public.authors ADD CONSTRAINT authors_favourite_fkey FOREIGN KEY (favourite_book) REFERENCES public.books(id);

ALTER TABLE public.books ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id);
