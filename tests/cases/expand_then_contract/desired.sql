CREATE TABLE public.plans (
    id integer PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE public.accounts (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    plan_id integer NOT NULL REFERENCES public.plans (id),
    CONSTRAINT accounts_email_check CHECK (email LIKE '%@%')
);
