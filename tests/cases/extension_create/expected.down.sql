-- hazard data-loss: drops table public.users and every row in it
DROP TABLE public.users;

DROP EXTENSION citext;
