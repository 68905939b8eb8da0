CREATE TABLE t (code varchar(10), label varchar(50));
