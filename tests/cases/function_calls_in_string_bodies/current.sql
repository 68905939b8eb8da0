CREATE TABLE public.visit (id bigint PRIMARY KEY);
