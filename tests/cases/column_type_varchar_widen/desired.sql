CREATE TABLE t (code varchar(40), label text);
