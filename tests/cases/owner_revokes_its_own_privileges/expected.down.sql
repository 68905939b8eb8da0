ALTER TABLE public.g OWNER TO CURRENT_USER;

GRANT SELECT ON TABLE public.g TO service_role;

ALTER TABLE public.o OWNER TO CURRENT_USER;

GRANT TRUNCATE ON TABLE public.o TO CURRENT_USER;

GRANT DELETE, TRUNCATE ON TABLE public.t TO CURRENT_USER;

GRANT EXECUTE ON FUNCTION public.f() TO CURRENT_USER;

-- hazard data-loss: drops table app.w and every row in it
DROP TABLE app.w;

-- hazard data-loss: drops table public.n and every row in it
DROP TABLE public.n;

DROP SCHEMA app;
