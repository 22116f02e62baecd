// Server-action bodies the production server refuses before Next.js decodes them
// (lib/server/request-guards.ts). Next hands a server action's body to React's reply decoder
// (`decodeReply`, `decodeReplyFromBusboy`, `decodeAction`), and anything that decoder cannot
// resolve (text that is not JSON, a reference to a part the body lacks, nesting deep enough to
// overflow its recursive reviver, more than 1,000 arguments) surfaces as a 500 before any app
// code runs. This module checks a body against the format React's `encodeReply` produces, so
// such bodies get a 400 naming the part instead. Pure: unit tests pin what is refused.
import { ValidationError } from "@/lib/errors";

/** Deeper than anything an action of this app takes (FormData, strings, flat objects). */
export const MAX_REPLY_DEPTH = 32;
/** Next refuses more arguments than this with a 500 (SERVER_ACTION_ARGS_LIMIT). */
export const MAX_ACTION_ARGS = 1000;
/** React refuses longer BigInt literals ("$n…") with an error. */
const MAX_BIGINT_DIGITS = 300;

/** The parts of a body: the whole text of a non-multipart body is part "0". */
export interface ReplyParts {
  /** Text fields by name. */
  fields: Map<string, string>;
  /** Names of file parts (Blobs). */
  files: Set<string>;
  /** A non-multipart body: its one part is named "body" in messages. */
  text?: boolean;
}

/**
 * The problem with a fetch action's arguments (`decodeReply` with prefix ""), or null when
 * React can decode them. Problems are named by part and JSON path ("body.0[1].name").
 */
export function replyProblem(parts: ReplyParts): ValidationError | null {
  return new ReplyChecker(parts, "").model(0, (value) => (Array.isArray(value) ? null : "must be a JSON array of the action's arguments"));
}

/**
 * The problem with a progressively enhanced form's bound-action descriptor (`$ACTION_<n>:0`,
 * `{"id": …, "bound": …}`, decoded with the prefix `$ACTION_<n>:`), or null.
 */
export function boundActionProblem(parts: ReplyParts, prefix: string): ValidationError | null {
  const checker = new ReplyChecker(parts, prefix);
  return checker.model(0, (value) =>
    isPlainObject(value) && typeof value.id === "string" ? null : 'must be an object {"id": …, "bound": …}',
  );
}

/** A non-multipart body as parts: React decodes the whole text as part "0". */
export function textParts(text: string): ReplyParts {
  return { fields: new Map([["0", text]]), files: new Set(), text: true };
}

type Shape = (value: unknown) => string | null;

class ReplyChecker {
  /** Parts checked or being checked (a reference cycle is legal: React resolves it lazily). */
  private readonly seen = new Set<number>();

  constructor(
    private readonly parts: ReplyParts,
    private readonly prefix: string,
  ) {}

  private name(id: number): string {
    return `${this.prefix}${id}`;
  }

  private label(id: number): string {
    return this.parts.text ? "body" : `body.${this.name(id)}`;
  }

  /** Checks model part `id` (and what it references); `shape` checks the root value of part 0. */
  model(id: number, shape?: Shape): ValidationError | null {
    if (this.seen.has(id)) return null;
    this.seen.add(id);
    const label = this.label(id);
    const text = this.parts.fields.get(this.name(id));
    if (text === undefined) return issue(label, "is missing (a reference names a part the body does not have)");
    let value: unknown;
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return issue(label, "is not JSON as a server action call encodes it");
    }
    if (shape) {
      const problem = shape(value);
      if (problem) return issue(label, problem);
      if (Array.isArray(value) && id === 0 && this.prefix === "" && value.length > MAX_ACTION_ARGS) {
        return issue(label, `must hold at most ${MAX_ACTION_ARGS} arguments`);
      }
    }
    return this.walk(value, label);
  }

  /** Depth-first without recursion, so hostile nesting cannot overflow this check either. */
  private walk(root: unknown, label: string): ValidationError | null {
    const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: label, depth: 0 }];
    for (let item = stack.pop(); item; item = stack.pop()) {
      const { value, path, depth } = item;
      if (typeof value === "string") {
        const problem = this.reference(value, path);
        if (problem) return problem;
        continue;
      }
      if (value === null || typeof value !== "object") continue;
      if (depth >= MAX_REPLY_DEPTH) return issue(path, `nests deeper than ${MAX_REPLY_DEPTH} levels`);
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1 });
      } else {
        for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
          stack.push({ value: child, path: `${path}.${key}`, depth: depth + 1 });
        }
      }
    }
    return null;
  }

  /** A string of the reply format: plain text, or "$…" (an escape, a value or a reference). */
  private reference(value: string, path: string): ValidationError | null {
    if (value[0] !== "$") return null;
    const tag = value[1];
    const rest = value.slice(2);
    switch (tag) {
      case "$": // an escaped "$"
      case "u": // undefined
      case "H":
      case "I": // Infinity
      case "N": // NaN
      case "-": // -0, -Infinity
      case "D": // a date (an unparsable one decodes as Invalid Date)
      case "K": // FormData from the parts named "<prefix>_<id>_…" (none makes an empty one)
      case "T": // a temporary reference: Next always supplies the set
        return null;
      case "n":
        return /^-?\d{1,300}$/.test(rest) ? null : issue(path, `is not a whole number of at most ${MAX_BIGINT_DIGITS} digits`);
      case "@": // a promise
      case "Q": // a Map
      case "W": // a Set
      case "i": // an iterator
        return this.outlined(rest, path);
      case "B": {
        const id = hexId(rest);
        return id !== null && this.parts.files.has(this.name(id)) ? null : issue(path, "names a file part the body does not have");
      }
      case "h":
        return issue(path, "passes a server function, which no action of this app takes");
      case "A":
      case "O":
      case "o":
      case "U":
      case "S":
      case "s":
      case "L":
      case "l":
      case "G":
      case "g":
      case "M":
      case "m":
      case "V":
        return issue(path, "passes binary data, which no action of this app takes");
      case "R":
      case "r":
      case "X":
      case "x":
        return issue(path, "passes a stream, which no action of this app takes");
      default:
        // "$<hex id>[:key…]": a value outlined in another part.
        return this.outlined(value.slice(1), path);
    }
  }

  private outlined(reference: string, path: string): ValidationError | null {
    const id = hexId(reference.split(":")[0] ?? "");
    if (id === null) return issue(path, "is a malformed reference to another part of the body");
    if (!this.parts.fields.has(this.name(id))) return issue(path, "refers to a part the body does not have");
    return this.model(id);
  }
}

function hexId(text: string): number | null {
  return /^[0-9a-f]{1,8}$/i.test(text) ? Number.parseInt(text, 16) : null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function issue(path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }]);
}
