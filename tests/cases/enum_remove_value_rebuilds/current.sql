CREATE TYPE status AS ENUM ('draft', 'legacy', 'published');
CREATE TABLE posts (id int, s status NOT NULL DEFAULT 'draft', history status[]);
