ALTER TABLE public.invoice DROP CONSTRAINT invoice_shipment_fk;

ALTER TABLE public.shipment DROP CONSTRAINT shipment_invoice_fk;

-- hazard data-loss: drops table public.invoice and every row in it
DROP TABLE public.invoice;

-- hazard data-loss: drops table public.shipment and every row in it
DROP TABLE public.shipment;
