DROP INDEX public.t_active_idx;

DROP INDEX public.t_data_idx;

DROP INDEX public.t_desc_idx;

DROP INDEX public.t_email_key;

DROP INDEX public.t_payload_hash;
