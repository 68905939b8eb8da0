ALTER TABLE ONLY public.events ALTER COLUMN kind SET STATISTICS 500;

ALTER TABLE public.click_events ALTER COLUMN kind SET STATISTICS 50;

ALTER TABLE public.events ADD COLUMN source text COMPRESSION lz4;
ALTER TABLE ONLY public.events ALTER COLUMN source SET STATISTICS 70;

-- hazard data-loss: converts column public.events.payload from text to character varying(1000): values may be rounded or cut, or fail to convert
ALTER TABLE public.events ALTER COLUMN payload TYPE character varying(1000);

ALTER TABLE ONLY public.events ALTER COLUMN payload SET STORAGE MAIN;

CREATE TABLE public.view_events (
    y integer
) INHERITS (public.events);
ALTER TABLE ONLY public.view_events ALTER COLUMN id SET STATISTICS 20;

ALTER TABLE public.click_events ALTER COLUMN payload SET STORAGE EXTERNAL;
