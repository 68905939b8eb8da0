CREATE SCHEMA stats;
CREATE AGGREGATE stats.collect_text(text) (SFUNC = array_append, STYPE = text[], INITCOND = '{}');
CREATE AGGREGATE stats.old_sum(integer) (SFUNC = int4pl, STYPE = integer);
