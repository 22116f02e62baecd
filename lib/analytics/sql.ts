import "server-only";
// SQL fragments shared by every aggregate over `answers` (overview, comparison, findings), so the
// way a question list, a multi-select and a scale are read is written once.
import { Prisma } from "@/lib/generated/prisma/client";

/** `(VALUES ('q1'), ('q2'))` for `CROSS JOIN (...) AS src(question)`. */
export function questionList(ids: string[]): Prisma.Sql {
  return Prisma.sql`(VALUES ${Prisma.join(
    ids.map((id) => Prisma.sql`(${id}::text)`),
    ", ",
  )})`;
}

/** The option ids of the array answer to src.question (none when unanswered or not an array). */
export const chosenOptions = Prisma.sql`jsonb_array_elements_text(
  CASE WHEN jsonb_typeof(r.answers->src.question) = 'array' THEN r.answers->src.question ELSE '[]'::jsonb END)`;

/** n, sum and sum of squares of each 1-5 scale, as columns c<i>, s<i>, q<i>. */
export function scaleMoments(ids: string[]): Prisma.Sql {
  if (ids.length === 0) return Prisma.sql`1 AS none`;
  return Prisma.join(
    ids.map(
      (id, i) =>
        Prisma.sql`count(answers->${id})::int AS ${Prisma.raw(`c${i}`)},
          sum((answers->>${id})::int)::float8 AS ${Prisma.raw(`s${i}`)},
          sum(((answers->>${id})::int)^2)::float8 AS ${Prisma.raw(`q${i}`)}`,
    ),
    ", ",
  );
}

/** Reads the c<i>, s<i>, q<i> columns of scaleMoments back. */
export function momentsAt(row: Record<string, unknown> | undefined, i: number): { n: number; sum: number; sumSquares: number } {
  return { n: Number(row?.[`c${i}`] ?? 0), sum: Number(row?.[`s${i}`] ?? 0), sumSquares: Number(row?.[`q${i}`] ?? 0) };
}
