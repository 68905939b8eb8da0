ALTER TABLE public.authors DROP CONSTRAINT authors_favourite_fkey;

ALTER TABLE public.books DROP CONSTRAINT books_author_id_fkey;

-- hazard data-loss: drops table public.authors and every row in it
DROP TABLE public.authors;

-- hazard data-loss: drops table public.books and every row in it
DROP TABLE public.books;
