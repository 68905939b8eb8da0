CREATE TABLE tenants (id bigint PRIMARY KEY);
