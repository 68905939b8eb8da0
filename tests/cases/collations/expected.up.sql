CREATE COLLATION coll."Posix C" (provider = libc, lc_collate = 'POSIX', lc_ctype = 'POSIX');

COMMENT ON COLLATION coll."Posix C" IS 'byte order';

ALTER TABLE coll.word ADD COLUMN sorted text COLLATE coll."Posix C";

DROP COLLATION coll.old_c;
