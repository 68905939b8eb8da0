CREATE TABLE public.regions (code text PRIMARY KEY);
CREATE TABLE public.events (id integer, region text, note text, PRIMARY KEY (region, id))
    PARTITION BY LIST (region);
CREATE TABLE public.events_eu PARTITION OF public.events FOR VALUES IN ('eu');
CREATE TABLE public.events_apac PARTITION OF public.events FOR VALUES IN ('apac');
CREATE TABLE public.event_links (event integer, region text,
    FOREIGN KEY (region, event) REFERENCES public.events);
CREATE INDEX events_apac_note ON public.events_apac (note);
ALTER TABLE public.events_eu ADD CONSTRAINT events_eu_region FOREIGN KEY (region)
    REFERENCES public.regions;
ALTER TABLE public.events_apac ADD CONSTRAINT events_apac_note_set CHECK (note IS NOT NULL);
