CREATE TABLE jobs (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, done boolean NOT NULL DEFAULT false, owner text NOT NULL);
-- The body changes: CREATE OR REPLACE PROCEDURE.
CREATE PROCEDURE finish_jobs() LANGUAGE sql BEGIN ATOMIC UPDATE jobs SET done = true WHERE NOT done; END;
-- Row-level security stays on but is no longer forced on the owner; the
-- policy gains a role: ALTER POLICY.
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY jobs_owner ON jobs TO authenticated, service_role USING (owner = current_user);
