-- Subscription plans and lifecycle states of a tenant.
CREATE TYPE tenant_plan AS ENUM ('free', 'starter', 'pro', 'enterprise');

CREATE TYPE tenant_status AS ENUM ('trialing', 'active', 'past_due', 'suspended', 'cancelled');
