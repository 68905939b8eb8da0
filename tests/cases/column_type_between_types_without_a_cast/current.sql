-- Columns move to types PostgreSQL has no cast to: another enum (also in an
-- array and under a default), and bigint to timestamp. The conversion goes
-- through the values' text form; a domain converts as its base type does.
CREATE TYPE public.old_status AS ENUM ('active', 'inactive');
CREATE TYPE public.new_status AS ENUM ('active', 'inactive', 'banned');
CREATE DOMAIN public.amount AS numeric(12, 2);

CREATE TABLE public.account (
    id bigint PRIMARY KEY,
    status public.old_status NOT NULL DEFAULT 'active',
    history public.old_status[],
    seen_at bigint,
    balance public.amount
);
