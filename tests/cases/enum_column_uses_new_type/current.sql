CREATE TABLE t (state text NOT NULL DEFAULT 'open');
