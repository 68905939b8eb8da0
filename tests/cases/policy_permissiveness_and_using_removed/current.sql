CREATE TABLE docs (id int, owner text, public boolean NOT NULL DEFAULT false);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY owner_only ON docs AS RESTRICTIVE USING (owner = current_user);
CREATE POLICY inserts ON docs FOR INSERT WITH CHECK (owner = current_user);
CREATE POLICY readers ON docs FOR SELECT USING (public) ;
