-- Expand (new tables, a nullable column, NOT VALID constraints) comes before
-- contract (validations and NOT NULL, then drops): a table and a column go
-- while others appear, and a NOT NULL column without a default is added to
-- an existing table in two phases.
CREATE TABLE public.legacy_tracking (
    id integer PRIMARY KEY,
    note text
);

CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    email text NOT NULL,
    plan_name text
);
