CREATE TYPE address AS (street text, city text, legacy_code int);
CREATE TYPE "Geo Point" AS (lat double precision, lon double precision);
