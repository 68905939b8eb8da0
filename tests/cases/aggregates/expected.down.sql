CREATE OR REPLACE AGGREGATE stats.collect_text(text) (
    SFUNC = array_append, STYPE = text[],
    INITCOND = '{}'
);

COMMENT ON AGGREGATE stats.collect_text(text) IS NULL;

CREATE OR REPLACE AGGREGATE stats.old_sum(integer) (
    SFUNC = int4pl, STYPE = integer
);

DROP AGGREGATE stats.total_length(text);

DROP FUNCTION stats.append_len(bigint, text);

DROP FUNCTION stats.remove_len(bigint, text);
