-- Tables created in app from now on: readable and writable by the API;
-- functions created anywhere: not callable by everyone; sequences: no longer
-- usable by service_role; service_role's own tables: readable by the API.
CREATE SCHEMA app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT, UPDATE ON TABLES TO authenticated;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE service_role IN SCHEMA app GRANT SELECT ON TABLES TO authenticated;
