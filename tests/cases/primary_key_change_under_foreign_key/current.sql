CREATE TABLE p (id int NOT NULL, code int NOT NULL, CONSTRAINT p_key UNIQUE (id));
CREATE TABLE c (p_id int REFERENCES p (id));
