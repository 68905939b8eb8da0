CREATE TABLE authors (id int PRIMARY KEY, favourite_book int);
CREATE TABLE books (id int PRIMARY KEY, author_id int NOT NULL REFERENCES authors (id));
ALTER TABLE authors ADD CONSTRAINT authors_favourite_fkey FOREIGN KEY (favourite_book) REFERENCES books (id);
