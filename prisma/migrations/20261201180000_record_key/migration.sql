-- Cell-key perturbation (lib/privacy/cellkey.ts, docs/PRIVACY.md): every response carries a secret
-- random record key in [0, 255]. The default is volatile, so adding the column rewrites the table
-- and gives every existing row its own key; new rows get one by default (inserts never name it).
-- The byte comes from gen_random_uuid() (a strong random source; byte 0 of a v4 UUID is all random).

-- AlterTable
ALTER TABLE "response" ADD COLUMN     "record_key" SMALLINT NOT NULL DEFAULT get_byte(uuid_send(gen_random_uuid()), 0);

ALTER TABLE "response" ADD CONSTRAINT "response_record_key_range" CHECK ("record_key" BETWEEN 0 AND 255);
