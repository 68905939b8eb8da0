DROP VIEW public.valid_documents;

DROP EXTENSION xml2;

CREATE EXTENSION xml2 WITH SCHEMA xml_old;

CREATE VIEW public.valid_documents AS
 SELECT documents.id
   FROM public.documents
  WHERE xml_old.xml_valid(documents.body);

DROP SCHEMA xml_new;
