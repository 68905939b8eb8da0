CREATE TYPE account_tier AS ENUM ('silver', 'gold');
