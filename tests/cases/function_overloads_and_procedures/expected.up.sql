CREATE TABLE public.audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY,
    message text NOT NULL,
    CONSTRAINT audit_log_pkey PRIMARY KEY (id)
);

CREATE OR REPLACE FUNCTION public.slugify(title text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
RETURN lower(regexp_replace(title, '\s+'::text, '-'::text, 'g'::text));

CREATE OR REPLACE PROCEDURE public.log_message(IN message text)
 LANGUAGE sql
BEGIN ATOMIC
 INSERT INTO public.audit_log (message)
   VALUES (log_message.message);
END;

DROP FUNCTION public."Legacy"();
