CREATE TABLE public.invoice (
    region text,
    id integer,
    shipment integer
) PARTITION BY LIST (region);

CREATE TABLE public.invoice_eu PARTITION OF public.invoice FOR VALUES IN ('eu');

CREATE TABLE public.shipment (
    region text,
    id integer,
    invoice integer
) PARTITION BY LIST (region);

CREATE UNIQUE INDEX invoice_eu_region_id_idx ON public.invoice_eu USING btree (region, id);
CREATE UNIQUE INDEX invoice_region_id ON public.invoice USING btree (region, id);

ALTER TABLE public.shipment ADD CONSTRAINT shipment_invoice_fk FOREIGN KEY (region, invoice) REFERENCES public.invoice(region, id);

CREATE TABLE public.shipment_eu PARTITION OF public.shipment FOR VALUES IN ('eu');

CREATE UNIQUE INDEX shipment_eu_region_id_idx ON public.shipment_eu USING btree (region, id);
CREATE UNIQUE INDEX shipment_region_id ON public.shipment USING btree (region, id);

ALTER TABLE public.invoice ADD CONSTRAINT invoice_shipment_fk FOREIGN KEY (region, shipment) REFERENCES public.shipment(region, id);
