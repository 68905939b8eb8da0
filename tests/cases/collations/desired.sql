-- Collations are created before the columns that use them and dropped after;
-- one that changes is created again around its columns' change.
CREATE SCHEMA coll;
CREATE TABLE coll.word (
    id bigint PRIMARY KEY,
    spelling text COLLATE coll.ci,
    sorted text COLLATE coll."Posix C"
);
CREATE COLLATION coll.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION coll."Posix C" (lc_collate = 'POSIX', lc_ctype = 'POSIX');
COMMENT ON COLLATION coll."Posix C" IS 'byte order';
