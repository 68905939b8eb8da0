CREATE TYPE role AS ENUM ('admin', 'member');
CREATE TABLE m (r role NOT NULL DEFAULT 'member');
