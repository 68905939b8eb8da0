CREATE TABLE events (at timestamp NOT NULL);
