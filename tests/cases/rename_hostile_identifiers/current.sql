-- schemac:renamed-from "User Accounts"
CREATE TABLE "Users" (
    "ID" bigint PRIMARY KEY,
    -- schemac:renamed-from "select"
    "E-Mail" text
);
