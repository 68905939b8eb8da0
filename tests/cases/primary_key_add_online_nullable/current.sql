-- A key on a column that may hold NULLs: the column is made NOT NULL first
-- (through a validated check), so attaching the index scans nothing.
CREATE TABLE events (
    id bigint,
    code text,
    note text
);
CREATE TABLE labels (
    name text NOT NULL,
    lang text NOT NULL
);
