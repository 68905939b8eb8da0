CREATE TABLE notes (id int, author text);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY authors ON notes USING (author = current_user);
