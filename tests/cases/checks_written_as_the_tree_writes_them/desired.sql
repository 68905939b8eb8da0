-- PostgreSQL prints a varchar IN list as `(s)::text = ANY ((ARRAY['a'::character
-- varying, ...])::text[])`, which stores a list of casts once executed again:
-- such checks are created from the tree's own text, so that the database
-- holds what the tree gives, and a later plan finds nothing to change.
CREATE TABLE public.ticket (
    id integer PRIMARY KEY,
    status varchar(20) NOT NULL CHECK (status IN ('open', 'closed')),
    kind character varying(10),
    CONSTRAINT ticket_kind_check CHECK (kind IN ('bug', 'feature') OR kind IS NULL)
);
CREATE TABLE public.note (id integer, tag varchar);
ALTER TABLE public.note ADD CONSTRAINT note_tag CHECK (tag = ANY (ARRAY['x', 'y']));
