-- CreateTable
CREATE TABLE "request_limit" (
    "bucket" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "request_limit_pkey" PRIMARY KEY ("bucket","subject")
);

-- CreateIndex
CREATE INDEX "request_limit_window_start_idx" ON "request_limit"("window_start");
