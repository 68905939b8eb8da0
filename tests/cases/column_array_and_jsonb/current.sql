CREATE TABLE t (tags text[], meta json);
