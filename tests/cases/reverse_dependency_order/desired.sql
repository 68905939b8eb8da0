CREATE INDEX posts_ws_idx ON posts (workspace_id);
CREATE TABLE posts (id int PRIMARY KEY, workspace_id int REFERENCES workspaces (id), status post_status NOT NULL);
CREATE TYPE post_status AS ENUM ('draft');
CREATE TABLE workspaces (id int PRIMARY KEY, tenant_id int REFERENCES tenants (id));
CREATE TABLE tenants (id int PRIMARY KEY);
