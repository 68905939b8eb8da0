-- hazard data-loss: drops table "My Schema"."user" and every row in it
DROP TABLE "My Schema"."user";

DROP TYPE "My Schema"."Order Status";

DROP SCHEMA "My Schema";
