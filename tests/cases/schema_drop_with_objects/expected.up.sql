-- hazard data-loss: drops table old.t and every row in it
DROP TABLE old.t;

DROP SEQUENCE old.s;

DROP SCHEMA old;
