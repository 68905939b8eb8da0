CREATE TABLE t (id int, owner text);
CREATE VIEW mine AS SELECT id FROM t WHERE owner = current_user;
