CREATE SCHEMA coll;
CREATE COLLATION coll.old_c (lc_collate = 'C', lc_ctype = 'C');
CREATE COLLATION coll.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TABLE coll.word (id bigint PRIMARY KEY, spelling text COLLATE coll.ci);
