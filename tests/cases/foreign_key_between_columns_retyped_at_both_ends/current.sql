CREATE TABLE public.account (id bigint PRIMARY KEY);
CREATE TABLE public.login (account_id bigint REFERENCES public.account (id), at bigint);
CREATE TABLE public.legacy (id integer PRIMARY KEY);
CREATE TABLE public.session (legacy_id integer REFERENCES public.legacy (id));
