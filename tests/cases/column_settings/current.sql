-- Column settings: statistics targets, storage and compression, changed in
-- place (SET STATISTICS alone under SHARE UPDATE EXCLUSIVE, SET STORAGE and
-- SET COMPRESSION under ACCESS EXCLUSIVE), set after a new table's or
-- column's creation, and given again after ALTER COLUMN TYPE, which puts
-- them back to the new type's.
CREATE TABLE public.documents (
    id bigint PRIMARY KEY,
    title text,
    body text,
    summary text,
    raw bytea,
    version integer
);
ALTER TABLE public.documents ALTER COLUMN title SET STATISTICS 200;
ALTER TABLE public.documents ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE public.documents ALTER COLUMN summary SET STORAGE MAIN;
ALTER TABLE public.documents ALTER COLUMN raw SET COMPRESSION pglz;

CREATE TABLE public.measures (
    id integer NOT NULL,
    note text COMPRESSION lz4
) PARTITION BY RANGE (id);
CREATE TABLE public.measures_low PARTITION OF public.measures FOR VALUES FROM (0) TO (1000);
