CREATE TABLE tenants (id bigint PRIMARY KEY);
-- schemac:renamed-from members
CREATE TABLE users (
    id bigint PRIMARY KEY,
    tenant bigint,
    -- schemac:renamed-from display_name
    name varchar(50)
);
