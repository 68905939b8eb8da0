CREATE TABLE t (w int, h int, area int GENERATED ALWAYS AS (w * h * 2) STORED);
