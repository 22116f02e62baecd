-- CreateTable
CREATE TABLE "weighting_target_set" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wave_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "margins" JSONB NOT NULL,
    "trim_lower" DOUBLE PRECISION,
    "trim_upper" DOUBLE PRECISION,
    "source" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "weighting_target_set_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "weighting_target_set_wave_id_revision_key" ON "weighting_target_set"("wave_id", "revision");

-- AddForeignKey
ALTER TABLE "weighting_target_set" ADD CONSTRAINT "weighting_target_set_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written after prisma migrate diff: what Prisma's schema cannot say.
ALTER TABLE "weighting_target_set"
    ADD CONSTRAINT "weighting_target_set_trim" CHECK (
        ("trim_lower" IS NULL AND "trim_upper" IS NULL)
        OR ("trim_lower" >= 0 AND "trim_lower" <= 1 AND "trim_upper" >= 1 AND "trim_lower" < "trim_upper")
    ),
    ADD CONSTRAINT "weighting_target_set_source" CHECK ("source" IN ('json', 'csv', 'clear')),
    ADD CONSTRAINT "weighting_target_set_margins" CHECK (jsonb_typeof("margins") = 'array'),
    ADD CONSTRAINT "weighting_target_set_revision" CHECK ("revision" >= 1);
