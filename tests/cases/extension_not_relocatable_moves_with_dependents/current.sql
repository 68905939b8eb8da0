-- xml2 cannot be moved by ALTER EXTENSION ... SET SCHEMA (relocatable =
-- false): moving it to another schema drops it and creates it there, the
-- view that uses it dropped before and created after; the table keeps its rows.
CREATE SCHEMA xml_old;
CREATE EXTENSION xml2 SCHEMA xml_old;
CREATE TABLE documents (id int PRIMARY KEY, body text NOT NULL);
CREATE VIEW valid_documents AS
    SELECT id FROM documents WHERE xml_old.xml_valid(body);
