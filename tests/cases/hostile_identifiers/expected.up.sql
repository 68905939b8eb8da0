CREATE SCHEMA "My Schema";

CREATE TYPE "My Schema"."Order Status" AS ENUM ('it''s', 'a "b"');

CREATE TABLE "My Schema"."user" (
    "select" integer NOT NULL,
    "Mixed Case" text,
    "quote""d" text,
    "café" text,
    "order" "My Schema"."Order Status",
    xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx integer,
    CONSTRAINT user_pkey PRIMARY KEY ("select")
);

COMMENT ON COLUMN "My Schema"."user"."quote""d" IS 'hostile';

CREATE INDEX "Idx ""q""" ON "My Schema"."user" USING btree ("Mixed Case");
