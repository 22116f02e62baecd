-- The language a respondent answered in (issue 19): stored on submit, exported, filterable.
ALTER TABLE "response" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
