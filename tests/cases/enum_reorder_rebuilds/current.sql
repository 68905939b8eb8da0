CREATE TYPE level AS ENUM ('high', 'low');
CREATE TABLE t (l level);
