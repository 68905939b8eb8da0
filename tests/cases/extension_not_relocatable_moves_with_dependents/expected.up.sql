CREATE SCHEMA xml_new;

DROP VIEW public.valid_documents;

DROP EXTENSION xml2;

CREATE EXTENSION xml2 WITH SCHEMA xml_new;

CREATE VIEW public.valid_documents AS
 SELECT documents.id
   FROM public.documents
  WHERE xml_new.xml_valid(documents.body);
