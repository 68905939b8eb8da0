ALTER TABLE public."User Accounts" RENAME CONSTRAINT "User Accounts_pkey" TO "Users_pkey";

ALTER TABLE public."User Accounts" RENAME COLUMN "select" TO "E-Mail";

ALTER TABLE public."User Accounts" RENAME TO "Users";
