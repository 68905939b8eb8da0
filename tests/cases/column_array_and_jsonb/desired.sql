CREATE TABLE t (tags varchar(20)[] NOT NULL DEFAULT '{}', meta jsonb);
