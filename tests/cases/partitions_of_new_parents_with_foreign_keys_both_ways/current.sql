CREATE TABLE region (code text PRIMARY KEY);
