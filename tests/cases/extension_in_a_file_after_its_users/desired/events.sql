-- Uses what the extensions provide (a function, a type), which the tree does
-- not create: the loader orders both extensions first, though their file
-- sorts after this one.
CREATE TABLE public.events (
    id uuid PRIMARY KEY DEFAULT extensions.uuid_generate_v4(),
    email citext NOT NULL,
    payload text
);

CREATE INDEX events_email_idx ON public.events (email);
