CREATE TABLE public.ticket (
    id integer NOT NULL,
    status character varying(20) NOT NULL,
    kind character varying(10),
    CONSTRAINT ticket_pkey PRIMARY KEY (id),
    CONSTRAINT ticket_kind_check CHECK (kind IN ('bug', 'feature') OR kind IS NULL),
    CONSTRAINT ticket_status_check CHECK (status IN ('open', 'closed'))
);

ALTER TABLE public.note ADD CONSTRAINT note_tag CHECK (((tag)::text = ANY (ARRAY['x'::text, 'y'::text]))) NOT VALID;

-- schemac:no-transaction (run on its own, outside a transaction: schemac apply does)
ALTER TABLE public.note VALIDATE CONSTRAINT note_tag;
