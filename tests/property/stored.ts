// After a property run: everything stored in the wave re-validates with the shared schemas.
import { expect } from "vitest";
import { compactAnswers, completeAnswersSchema, draftAnswersSchema, isStorableText } from "@/lib/survey/answers";
import { instrumentV1 } from "@/lib/survey/instrument";
import { testPool } from "../helpers/db";
import { PROTO_KEYS } from "./arbitraries";

export async function expectStoredRowsValid(waveId: string): Promise<number> {
  const { rows } = await testPool().query<{ id: string; status: string; answers: Record<string, unknown>; keys: string[] }>(
    `SELECT id, status::text AS status, answers, ARRAY(SELECT jsonb_object_keys(answers)) AS keys FROM response WHERE wave_id = $1`,
    [waveId],
  );
  for (const row of rows) {
    expect(
      row.keys.filter((k) => (PROTO_KEYS as readonly string[]).includes(k)),
      `row ${row.id} stores a prototype key`,
    ).toEqual([]);
    const schema = row.status === "complete" ? completeAnswersSchema(instrumentV1) : draftAnswersSchema(instrumentV1);
    const parsed = schema.safeParse(row.answers);
    expect(parsed.success, `row ${row.id} (${row.status}) does not re-validate: ${parsed.error?.message ?? ""}`).toBe(true);
    // Stored answers are canonical: validating them again changes nothing.
    if (parsed.success)
      expect(compactAnswers(parsed.data as Record<string, unknown>), `row ${row.id} is not canonical`).toEqual(row.answers);
    for (const value of Object.values(row.answers)) {
      for (const text of [value].flat()) if (typeof text === "string") expect(isStorableText(text), `row ${row.id}`).toBe(true);
    }
  }
  return rows.length;
}
