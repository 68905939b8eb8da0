-- An identity whose sequence is not named after its table (the table was
-- renamed, or the sequence was named on purpose): dropped and recreated by
-- the reverse, it comes back under its own name, not table_column_seq.
CREATE TABLE renamed (
    id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.original_id_seq START WITH 10),
    note text
);
