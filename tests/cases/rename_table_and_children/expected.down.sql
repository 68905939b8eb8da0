ALTER TABLE public.posts RENAME CONSTRAINT posts_account_id_fkey TO posts_user_id_fkey;

ALTER TABLE public.accounts RENAME CONSTRAINT email_shape TO mail_shape;

ALTER TABLE public.accounts RENAME CONSTRAINT accounts_pkey TO users_pkey;

ALTER TABLE public.accounts RENAME CONSTRAINT accounts_email_key TO users_mail_key;

ALTER TABLE public.posts RENAME COLUMN account_id TO user_id;

ALTER TABLE public.accounts RENAME COLUMN email TO mail;

ALTER TYPE public.status RENAME VALUE 'suspended' TO 'disabled';

ALTER INDEX public.posts_account_id_idx RENAME TO posts_user_id_idx;

ALTER INDEX public.accounts_state_idx RENAME TO users_state_idx;

ALTER TABLE public.accounts RENAME TO users;

ALTER SEQUENCE public.accounts_id_seq RENAME TO users_id_seq;
