CREATE TYPE role AS ENUM ('owner', 'admin', 'editor', 'member', 'guest');
CREATE TABLE m (r role NOT NULL DEFAULT 'member');
