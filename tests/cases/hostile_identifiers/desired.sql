CREATE SCHEMA "My Schema";
CREATE TYPE "My Schema"."Order Status" AS ENUM ('it''s', 'a "b"');
CREATE TABLE "My Schema"."user" ("select" int PRIMARY KEY, "Mixed Case" text, "quote""d" text, "café" text, "order" "My Schema"."Order Status", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" int);
CREATE INDEX "Idx ""q""" ON "My Schema"."user" ("Mixed Case");
COMMENT ON COLUMN "My Schema"."user"."quote""d" IS 'hostile';
