-- RESTRICTIVE to PERMISSIVE: rebuilt (ALTER POLICY cannot change it). A
-- WITH CHECK changed, and roles: ALTER POLICY.
CREATE TABLE docs (id int, owner text, public boolean NOT NULL DEFAULT false);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY owner_only ON docs USING (owner = current_user);
CREATE POLICY inserts ON docs FOR INSERT WITH CHECK (owner = current_user AND NOT public);
CREATE POLICY readers ON docs FOR SELECT TO authenticated USING (public);
