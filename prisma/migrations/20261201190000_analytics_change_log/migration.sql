-- The change log the columnar analytics replica folds (lib/engine/columnar/replica.ts): one row
-- per response inserted, updated or deleted, written by statement-level triggers in the same
-- transaction as the change itself, so no writer (the app, the seed, purges, psql) can forget it.
-- xid is the writing transaction's id: a reader that has applied everything below the xmin of its
-- last snapshot reads only the changes of transactions from there on.
CREATE TABLE "analytics_change" (
    "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "wave_id" UUID NOT NULL,
    "response_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX "analytics_change_xid_idx" ON "analytics_change"("xid");

-- The newest transaction id whose changes were pruned: a replica whose watermark is not past it
-- may have missed a change, so it rebuilds.
CREATE TABLE "analytics_prune" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "pruned_through" xid8,
    CONSTRAINT "analytics_prune_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "analytics_prune_single_row" CHECK ("id" = 1)
);
INSERT INTO "analytics_prune" ("id") VALUES (1);

CREATE FUNCTION analytics_log_response_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_change (wave_id, response_id) SELECT wave_id, id FROM changed_rows;
  RETURN NULL;
END
$$;

CREATE TRIGGER response_inserted_log AFTER INSERT ON response
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_response_change();
CREATE TRIGGER response_updated_log AFTER UPDATE ON response
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_response_change();
CREATE TRIGGER response_deleted_log AFTER DELETE ON response
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_response_change();
