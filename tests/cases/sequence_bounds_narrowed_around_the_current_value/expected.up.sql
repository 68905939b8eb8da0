SELECT pg_catalog.setval('public.countdown', -10, false) FROM public.countdown WHERE last_value > -10;
ALTER SEQUENCE public.countdown MAXVALUE -10 START WITH -10;

SELECT pg_catalog.setval('public.ticket', 1000, false) FROM public.ticket WHERE last_value < 1000;
ALTER SEQUENCE public.ticket MINVALUE 1000 START WITH 1000;

SELECT pg_catalog.setval('public.job_id_seq', CASE WHEN last_value < 100 THEN 100 ELSE 5000 END, false) FROM public.job_id_seq WHERE last_value < 100 OR last_value > 5000;
ALTER TABLE public.job ALTER COLUMN id SET MINVALUE 100 SET MAXVALUE 5000 SET START WITH 100;
