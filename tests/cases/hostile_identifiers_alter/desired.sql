CREATE TABLE "Tab" ("Col" bigint NOT NULL DEFAULT 1, "user" varchar(10), "new Col" int);
