-- Both ends of a foreign key change to a type PostgreSQL cannot convert them
-- to one at a time (bigint to timestamp): the key is dropped first and added
-- again once both are converted. A key with only its referenced end retyped
-- (to a type its other end still matches) is carried by ALTER COLUMN TYPE.
CREATE TABLE public.account (id timestamp PRIMARY KEY);
CREATE TABLE public.login (account_id timestamp REFERENCES public.account (id), at bigint);
CREATE TABLE public.legacy (id bigint PRIMARY KEY);
CREATE TABLE public.session (legacy_id integer REFERENCES public.legacy (id));
