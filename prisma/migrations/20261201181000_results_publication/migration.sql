-- Public results (issue 17): whether a wave's results are published at /results/{survey}/{wave},
-- which panels, who published them and when. One row per wave; unpublishing clears published_at
-- and records who did it in updated_by / updated_at.
-- CreateTable
CREATE TABLE "results_publication" (
    "wave_id" UUID NOT NULL,
    "panels" TEXT[] NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "published_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "results_publication_pkey" PRIMARY KEY ("wave_id")
);

-- AddForeignKey
ALTER TABLE "results_publication" ADD CONSTRAINT "results_publication_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- At least one panel (the values themselves are checked by the API's schema, lib/results/panels.ts).
ALTER TABLE "results_publication" ADD CONSTRAINT "results_publication_panels" CHECK (cardinality("panels") >= 1);

-- Published and publisher go together.
ALTER TABLE "results_publication" ADD CONSTRAINT "results_publication_published_by" CHECK (("published_at" IS NULL) = ("published_by" IS NULL));
