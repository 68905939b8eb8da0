ALTER SEQUENCE public.users_id_seq RENAME TO accounts_id_seq;

ALTER TABLE public.users RENAME TO accounts;

ALTER INDEX public.users_state_idx RENAME TO accounts_state_idx;

ALTER INDEX public.posts_user_id_idx RENAME TO posts_account_id_idx;

ALTER TYPE public.status RENAME VALUE 'disabled' TO 'suspended';

ALTER TABLE public.accounts RENAME COLUMN mail TO email;

ALTER TABLE public.posts RENAME COLUMN user_id TO account_id;

ALTER TABLE public.accounts RENAME CONSTRAINT users_mail_key TO accounts_email_key;

ALTER TABLE public.accounts RENAME CONSTRAINT users_pkey TO accounts_pkey;

ALTER TABLE public.accounts RENAME CONSTRAINT mail_shape TO email_shape;

ALTER TABLE public.posts RENAME CONSTRAINT posts_user_id_fkey TO posts_account_id_fkey;
