-- Issue 20: a customer marks one saved title as the default; the apply form starts with it. At most one per owner,
-- kept by the buyer module (a unique index over (owner, TRUE) is not portable between H2 and MariaDB).
ALTER TABLE buyer_profile ADD COLUMN default_title BOOLEAN NOT NULL DEFAULT FALSE;
