CREATE TABLE workspaces (tenant_id int, id int, PRIMARY KEY (tenant_id, id));
CREATE TABLE members (tenant_id int, workspace_id int, user_id int, PRIMARY KEY (tenant_id, workspace_id, user_id), FOREIGN KEY (tenant_id, workspace_id) REFERENCES workspaces (tenant_id, id) ON DELETE CASCADE);
