-- schemac:renamed-from "Users"
CREATE TABLE "User Accounts" (
    "ID" bigint PRIMARY KEY,
    -- schemac:renamed-from "E-Mail"
    "select" text
);
