CREATE TYPE state AS ENUM ('open', 'closed');
CREATE TABLE t (state state NOT NULL DEFAULT 'open');
