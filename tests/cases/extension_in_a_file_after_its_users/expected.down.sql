-- hazard data-loss: drops table public.events and every row in it
DROP TABLE public.events;

DROP EXTENSION citext;

DROP EXTENSION "uuid-ossp";

DROP SCHEMA extensions;
