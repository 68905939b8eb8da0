-- Sorted before the table, and reads a column an ALTER adds to it.
SET search_path = billing;

CREATE VIEW paying AS
    SELECT id, balance FROM accounts WHERE plan <> 'free';
