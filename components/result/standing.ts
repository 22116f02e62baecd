// How the respondent's place among their peers is put into words. Every case says only what is
// true under the suppression rule: a share when both sides hold 0 or at least k peers, otherwise
// the group they are in (lowest, highest) or that their place is withheld, never "not enough
// peers" for a group of hundreds.
import type { PeerFigure } from "@/lib/survey/results";

const count = (n: number) => n.toLocaleString("en");

/** A share as a whole percentage that is never rounded to a false 0% or 100%. */
export function percent(share: number): string {
  if (share > 0 && share < 0.01) return "less than 1%";
  if (share < 1 && share > 0.99) return "more than 99%";
  return `${Math.round(share * 100)}%`;
}

/** Which sentence describes a standing (a key of the "result" messages), and the share it states. */
export type StandingMessage =
  | { key: "standingTooFew" | "standingNoneLower" | "standingAll" | "standingLowest" | "standingHighest" | "standingUnplaced" }
  | { key: "standingShare"; share: number };

export function standingMessage(peer: Pick<PeerFigure, "n" | "standing">): StandingMessage {
  const { n, standing } = peer;
  if (n === null || standing.kind === "too_few") return { key: "standingTooFew" };
  switch (standing.kind) {
    case "share":
      if (standing.shareBelow === 0) return { key: "standingNoneLower" };
      if (standing.shareBelow === 1) return { key: "standingAll" };
      return { key: "standingShare", share: standing.shareBelow };
    case "lowest":
      return { key: "standingLowest" };
    case "highest":
      return { key: "standingHighest" };
    case "unplaced":
      return { key: "standingUnplaced" };
  }
}

/** The English sentence (the messages' "result.standing*" in en), for plain-text uses and tests. */
export function describeStanding(peer: Pick<PeerFigure, "label" | "n" | "standing">, k: number, minimum: number = k): string {
  const { label, n, standing } = peer;
  if (n === null || standing.kind === "too_few") return `Not enough peers in ${label} yet to compare: fewer than ${minimum} peers so far.`;
  switch (standing.kind) {
    case "share":
      if (standing.shareBelow === 0) return `None of your ${count(n)} peers in ${label} scores lower than you.`;
      if (standing.shareBelow === 1) return `You score higher than all ${count(n)} of your peers in ${label}.`;
      return `You score higher than ${percent(standing.shareBelow)} of your ${count(n)} peers in ${label}.`;
    case "lowest":
      return `You score in the lowest group of your ${count(n)} peers in ${label}: fewer than ${k} of them score lower.`;
    case "highest":
      return `You score in the highest group of your ${count(n)} peers in ${label}: fewer than ${k} of them score the same or higher.`;
    case "unplaced":
      return `Your place among your ${count(n)} peers in ${label} is withheld: fewer than ${k} of them score on each side of you.`;
  }
}
