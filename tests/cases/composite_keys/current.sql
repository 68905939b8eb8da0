CREATE TABLE workspaces (tenant_id int, id int, PRIMARY KEY (tenant_id, id));
