CREATE TABLE t (id bigint NOT NULL, v text);
