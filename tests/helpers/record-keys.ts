// Record keys for tests that assert protected figures (respondents' peers, docs/PRIVACY.md). Keys
// are random by default; a test fixes them so that the perturbation of the cells it checks is known.
import { countNoise, RECORD_KEY_MODULUS, sumNoise } from "@/lib/privacy/cellkey";
import { variableOf } from "@/lib/privacy/protect";
import { instrumentV1 } from "@/lib/survey/instrument";
import { testPool } from "./db";

const KEYS = Array.from({ length: RECORD_KEY_MODULUS }, (_, i) => i);

/**
 * Whether a cell key leaves a count of 6 or more unchanged and the sum of a 1-5 question (by id in
 * instrument v1) unchanged once rounded: a cell with this key publishes its exact count and mean.
 */
export function isExactKey(key: number, question: string): boolean {
  const variable = variableOf(instrumentV1, question);
  return countNoise(50, key) === 0 && Math.abs(sumNoise({ n: 50, keySum: key }, variable, { min: 1, max: 5 })) < 0.5;
}

/** The first key (0..255) meeting `ok`; throws when none does. */
export function findKey(ok: (key: number) => boolean): number {
  const key = KEYS.find(ok);
  if (key === undefined) throw new Error("no record key meets the test's condition");
  return key;
}

/** Sets these responses' record keys. */
export async function setRecordKeys(ids: string[], key: number): Promise<void> {
  await testPool().query(`UPDATE response SET record_key = $2 WHERE id = ANY($1::uuid[])`, [ids, key]);
}
