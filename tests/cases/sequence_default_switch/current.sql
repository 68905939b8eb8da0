CREATE SEQUENCE s1;
CREATE TABLE t (id bigint DEFAULT nextval('s1'));
