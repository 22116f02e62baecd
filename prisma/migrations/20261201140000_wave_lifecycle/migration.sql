-- AlterEnum: a wave can be published as a draft (reviewed, never shown to respondents) before it opens.
ALTER TYPE "wave_status" ADD VALUE 'draft' BEFORE 'open';

-- AlterTable: an open wave may close by itself at a set time.
ALTER TABLE "wave" ADD COLUMN     "closes_at" TIMESTAMPTZ(3);

-- Hand-written: a close date lies after the opening.
ALTER TABLE "wave" ADD CONSTRAINT "wave_closes_after_opening" CHECK ("closes_at" IS NULL OR "closes_at" > "opens_at");

-- Hand-written: at most one open wave per survey, so "the open wave" respondents get is never a
-- guess. Opening a wave closes the previous one in the same transaction (lib/waves/lifecycle.ts).
-- Databases that held several open waves keep the newest open and close the others first.
UPDATE "wave" w SET "status" = 'closed'
WHERE w."status" = 'open'
  AND EXISTS (
    SELECT 1 FROM "wave" n
    WHERE n."survey_id" = w."survey_id" AND n."status" = 'open'
      AND (n."opens_at", n."id") > (w."opens_at", w."id")
  );
CREATE UNIQUE INDEX "wave_one_open_per_survey" ON "wave" ("survey_id") WHERE "status" = 'open';
