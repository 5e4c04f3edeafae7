-- Tandem store, schema version 3: how the station showed each person's trial (every timed screen measured from its
-- flips, the answer window's opening, the run segment), as JSON written by the store; null for networks' trials and
-- for trials stored before version 3. Row checks leave this column out while it is null, so older rows keep theirs.
ALTER TABLE trial ADD COLUMN presentation CHARACTER VARYING;
