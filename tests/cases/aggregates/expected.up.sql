CREATE OR REPLACE FUNCTION stats.append_len(state bigint, value text)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state + length(value) $function$;

CREATE OR REPLACE FUNCTION stats.remove_len(state bigint, value text)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT state - length(value) $function$;

CREATE OR REPLACE AGGREGATE stats.collect_text(text) (
    SFUNC = array_append, STYPE = text[],
    INITCOND = '{""}'
);

COMMENT ON AGGREGATE stats.collect_text(text) IS 'every value, in an array';

CREATE OR REPLACE AGGREGATE stats.total_length(text) (
    SFUNC = stats.append_len, STYPE = bigint,
    INITCOND = '0',
    MSFUNC = stats.append_len,
    MINVFUNC = stats.remove_len,
    MSTYPE = bigint,
    MINITCOND = '0',
    PARALLEL = SAFE
);

DROP AGGREGATE stats.old_sum(integer);
