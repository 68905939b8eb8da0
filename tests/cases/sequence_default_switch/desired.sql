CREATE SEQUENCE s2;
CREATE TABLE t (id bigint DEFAULT nextval('s2'));
