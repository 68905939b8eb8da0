CREATE TYPE public.new_status AS ENUM ('active', 'inactive', 'banned');
CREATE DOMAIN public.amount AS numeric(12, 2);

CREATE TABLE public.account (
    id bigint PRIMARY KEY,
    status public.new_status NOT NULL DEFAULT 'active',
    history public.new_status[],
    seen_at timestamp,
    balance bigint
);
