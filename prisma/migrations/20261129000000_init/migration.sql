-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "wave_status" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "response_status" AS ENUM ('partial', 'complete');

-- CreateEnum
CREATE TYPE "response_source" AS ENUM ('web', 'api', 'seed');

-- CreateTable
CREATE TABLE "survey" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wave" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "survey_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "wave_status" NOT NULL DEFAULT 'open',
    "definition" JSONB NOT NULL,
    "definition_hash" TEXT NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wave_id" UUID NOT NULL,
    "status" "response_status" NOT NULL DEFAULT 'partial',
    "source" "response_source" NOT NULL DEFAULT 'web',
    "submission_key" TEXT,
    "submission_hash" TEXT,
    "resume_token_hash" TEXT,
    "current_step" SMALLINT NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    "industry" TEXT,
    "region" TEXT,
    "company_size" TEXT,
    "role" TEXT,
    "stage" TEXT,
    "readiness_index" REAL,
    "answers" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "response_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "survey_slug_key" ON "survey"("slug");

-- CreateIndex
CREATE INDEX "wave_survey_id_status_opens_at_idx" ON "wave"("survey_id", "status", "opens_at");

-- CreateIndex
CREATE UNIQUE INDEX "wave_survey_id_code_key" ON "wave"("survey_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "response_submission_key_key" ON "response"("submission_key");

-- CreateIndex
CREATE UNIQUE INDEX "response_resume_token_hash_key" ON "response"("resume_token_hash");

-- CreateIndex
CREATE INDEX "response_wave_id_status_submitted_at_idx" ON "response"("wave_id", "status", "submitted_at");

-- CreateIndex
CREATE INDEX "response_wave_id_status_industry_region_idx" ON "response"("wave_id", "status", "industry", "region");

-- CreateIndex
CREATE INDEX "response_wave_id_status_region_idx" ON "response"("wave_id", "status", "region");

-- CreateIndex
CREATE INDEX "response_wave_id_status_company_size_idx" ON "response"("wave_id", "status", "company_size");

-- CreateIndex
CREATE INDEX "response_wave_id_status_role_idx" ON "response"("wave_id", "status", "role");

-- CreateIndex
CREATE INDEX "response_wave_id_status_stage_idx" ON "response"("wave_id", "status", "stage");

-- CreateIndex
CREATE INDEX "response_status_updated_at_idx" ON "response"("status", "updated_at");

-- AddForeignKey
ALTER TABLE "wave" ADD CONSTRAINT "wave_survey_id_fkey" FOREIGN KEY ("survey_id") REFERENCES "survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: a complete response always carries its profile, score and timestamp, so that
-- analytics never meet a half-written complete row.
ALTER TABLE "response" ADD CONSTRAINT "response_complete_has_profile" CHECK (
  "status" <> 'complete' OR (
    "submitted_at" IS NOT NULL AND "industry" IS NOT NULL AND "region" IS NOT NULL AND
    "company_size" IS NOT NULL AND "role" IS NOT NULL AND "stage" IS NOT NULL AND
    "readiness_index" IS NOT NULL AND "submission_key" IS NOT NULL
  )
);
ALTER TABLE "response" ADD CONSTRAINT "response_readiness_index_range"
  CHECK ("readiness_index" IS NULL OR ("readiness_index" >= 0 AND "readiness_index" <= 100));

-- Hand-written: a wave's definition is frozen once it has responses, and the database enforces it, so
-- no code path (admin tool, script, migration) can silently change what respondents answered.
CREATE FUNCTION "wave_definition_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."definition" IS DISTINCT FROM OLD."definition"
     AND EXISTS (SELECT 1 FROM "response" WHERE "wave_id" = OLD."id") THEN
    RAISE EXCEPTION 'wave % has responses; its definition is frozen', OLD."code"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER "wave_definition_frozen" BEFORE UPDATE ON "wave"
  FOR EACH ROW EXECUTE FUNCTION "wave_definition_frozen"();
