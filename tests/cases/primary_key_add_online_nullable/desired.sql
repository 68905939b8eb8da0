-- A key on a column that may hold NULLs: the column is made NOT NULL first
-- (through a validated check), so attaching the index scans nothing.
CREATE TABLE events (
    id bigint PRIMARY KEY,
    code text,
    note text,
    CONSTRAINT events_code_key UNIQUE (code) INCLUDE (note)
);
CREATE TABLE labels (
    name text NOT NULL,
    lang text NOT NULL,
    -- stays in the plain form: NULLS NOT DISTINCT has no USING INDEX twin
    CONSTRAINT labels_name_key UNIQUE NULLS NOT DISTINCT (name, lang),
    CONSTRAINT labels_deferred_key UNIQUE (lang, name) DEFERRABLE INITIALLY DEFERRED
);
