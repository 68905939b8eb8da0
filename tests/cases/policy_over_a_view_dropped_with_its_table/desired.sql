-- The table goes with its policy, which reads a view over the table: the
-- policy is dropped on its own first, then the view, then the table (the
-- reverse creates them the other way round).
CREATE SCHEMA app;
