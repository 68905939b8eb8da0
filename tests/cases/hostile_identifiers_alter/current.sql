CREATE TABLE "Tab" ("Col" int, "user" text);
