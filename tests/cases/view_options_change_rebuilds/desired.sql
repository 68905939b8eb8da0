-- New options: dropped and created (with its comment).
CREATE TABLE t (id int, owner text);
CREATE VIEW mine WITH (security_invoker = true, security_barrier = true) AS
    SELECT id FROM t WHERE owner = current_user;
COMMENT ON VIEW mine IS 'Rows of the current user';
