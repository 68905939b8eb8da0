CREATE COLLATION coll.old_c (provider = libc, lc_collate = 'C', lc_ctype = 'C');

-- hazard data-loss: drops column coll.word.sorted and its data
ALTER TABLE coll.word DROP COLUMN sorted;

DROP COLLATION coll."Posix C";
