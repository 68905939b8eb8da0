-- xml2 moved to its own schema: the old one stays (other objects may live there).
CREATE SCHEMA xml_old;
CREATE SCHEMA xml_new;
CREATE EXTENSION xml2 SCHEMA xml_new;
CREATE TABLE documents (id int PRIMARY KEY, body text NOT NULL);
CREATE VIEW valid_documents AS
    SELECT id FROM documents WHERE xml_new.xml_valid(body);
