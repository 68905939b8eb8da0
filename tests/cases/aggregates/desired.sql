-- Aggregates: created after the functions they use, replaced in place where
-- CREATE OR REPLACE AGGREGATE allows it (another initial state here), dropped
-- before them. (Ordered-set ones take an `internal` state, which only a
-- superuser may declare.)
CREATE SCHEMA stats;
CREATE FUNCTION stats.append_len(state bigint, value text) RETURNS bigint
    LANGUAGE sql IMMUTABLE AS $$ SELECT state + length(value) $$;
CREATE FUNCTION stats.remove_len(state bigint, value text) RETURNS bigint
    LANGUAGE sql IMMUTABLE AS $$ SELECT state - length(value) $$;
CREATE AGGREGATE stats.collect_text(text) (SFUNC = array_append, STYPE = text[], INITCOND = '{""}');
COMMENT ON AGGREGATE stats.collect_text(text) IS 'every value, in an array';
CREATE AGGREGATE stats.total_length(text) (
    SFUNC = stats.append_len, STYPE = bigint, INITCOND = '0',
    MSFUNC = stats.append_len, MINVFUNC = stats.remove_len, MSTYPE = bigint, MINITCOND = '0',
    PARALLEL = SAFE
);
