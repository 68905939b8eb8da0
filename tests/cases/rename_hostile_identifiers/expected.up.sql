ALTER TABLE public."Users" RENAME TO "User Accounts";

ALTER TABLE public."User Accounts" RENAME COLUMN "E-Mail" TO "select";

ALTER TABLE public."User Accounts" RENAME CONSTRAINT "Users_pkey" TO "User Accounts_pkey";
