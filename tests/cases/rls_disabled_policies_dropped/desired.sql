CREATE TABLE notes (id int, author text);
