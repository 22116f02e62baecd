-- CreateEnum
CREATE TYPE "export_outcome" AS ENUM ('completed', 'cancelled', 'failed');

-- AlterTable. Hand-written from `prisma migrate diff`, which drops "completed_at" and adds
-- "ended_at": renamed instead, so the audit log keeps when past exports ended. Every export
-- closed so far had completed; cancelled and failed ones were never closed and stay open.
ALTER TABLE "export_audit" RENAME COLUMN "completed_at" TO "ended_at";
ALTER TABLE "export_audit" ADD COLUMN "outcome" "export_outcome";
UPDATE "export_audit" SET "outcome" = 'completed' WHERE "ended_at" IS NOT NULL;

-- Hand-written: an export that ended says how, and only a completed one has a row count.
ALTER TABLE "export_audit" ADD CONSTRAINT "export_audit_outcome_when_ended" CHECK (("ended_at" IS NULL) = ("outcome" IS NULL));
ALTER TABLE "export_audit" ADD CONSTRAINT "export_audit_rows_when_completed" CHECK ("row_count" IS NULL OR "outcome" = 'completed');
