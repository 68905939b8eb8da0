CREATE TYPE old_mood AS ENUM ('sad');
