// What the production server refuses before Next.js decodes a server action (it would answer 500):
// bodies React's reply decoder cannot resolve, classified exactly as Next classifies the request.
import { describe, expect, it } from "vitest";
import { MAX_ACTION_ARGS, MAX_REPLY_DEPTH } from "@/lib/server/action-reply";
import { serverActionBodyProblem, serverActionKind } from "@/lib/server/request-guards";

const TEXT = { "content-type": "text/plain;charset=UTF-8" };
const BOUNDARY = "----formdata-test";
const MULTIPART = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };

function multipart(fields: [string, string][], { end = true } = {}): Buffer {
  const parts = fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return Buffer.from(parts.join("") + (end ? `--${BOUNDARY}--\r\n` : ""));
}

async function fetchProblem(body: string | Buffer, headers: Record<string, string> = TEXT) {
  const problem = await serverActionBodyProblem("fetch", headers, typeof body === "string" ? Buffer.from(body) : body);
  return problem && { status: problem.status, fields: problem.fields };
}

describe("serverActionKind", () => {
  it("follows Next's own classification, never for API routes", () => {
    expect(serverActionKind("POST", "/dashboard/tokens", { "next-action": "7f00" })).toBe("fetch");
    expect(serverActionKind("POST", "/dashboard/tokens?x=1", MULTIPART)).toBe("form");
    expect(serverActionKind("POST", "/dashboard/tokens", TEXT)).toBeNull();
    expect(serverActionKind("POST", "/dashboard/tokens", { "content-type": "application/x-www-form-urlencoded" })).toBeNull();
    expect(serverActionKind("GET", "/dashboard/tokens", { "next-action": "7f00" })).toBeNull();
    expect(serverActionKind("POST", "/api/v1/surveys/ai-readiness/responses", { "next-action": "7f00", ...MULTIPART })).toBeNull();
    expect(serverActionKind("POST", "/api", MULTIPART)).toBeNull();
  });
});

describe("serverActionBodyProblem", () => {
  it("accepts what React's encodeReply writes", async () => {
    expect(await fetchProblem("[]")).toBeNull();
    expect(await fetchProblem('["ai-readiness",{"code":"2027-Q1","definition":"{}","status":"draft","closesAt":null}]')).toBeNull();
    expect(
      await fetchProblem('["$$escaped","$undefined","$D2026-12-01T00:00:00.000Z","$n12345678901234567890","$-0","$NaN","$Infinity"]'),
    ).toBeNull();
    expect(await fetchProblem("[]", { "content-type": "text/plain" })).toBeNull();
    // useActionState(previous, FormData): the form's fields are parts "1_…".
    expect(
      await fetchProblem(
        multipart([
          ["_1_name", "laptop"],
          ["0", '["$undefined","$K1"]'],
        ]),
        MULTIPART,
      ),
    ).toBeNull();
    // An outlined value in another part, and a cycle through it (React resolves both).
    expect(
      await fetchProblem(
        multipart([
          ["1", '{"self":"$1","list":[1,2]}'],
          ["0", '["$1","$Q1"]'],
        ]),
        MULTIPART,
      ),
    ).toBeNull();
  });

  it.each([
    ["not JSON", "[[[[", "body"],
    ["empty", "", "body"],
    ["JSON but not an array", '{"0":"$Q-1"}', "body"],
    ["a number", "5", "body"],
    ["junk", "x".repeat(10_000), "body"],
    ["a reference to a missing part", '["$1"]', "body[0]"],
    ["a Map from a missing part", '["$Q1"]', "body[0]"],
    ["a malformed reference", '["$Qzz"]', "body[0]"],
    ["a bare $", '["$"]', "body[0]"],
    ["a bad BigInt", '["$n12x"]', "body[0]"],
    ["a server function", '["$h1"]', "body[0]"],
    ["a stream", '["$R1"]', "body[0]"],
    ["a missing blob", '["$B1"]', "body[0]"],
    ["nesting past the limit", `${"[".repeat(MAX_REPLY_DEPTH + 2)}${"]".repeat(MAX_REPLY_DEPTH + 2)}`, "body"],
    ["hostile nesting", `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "body"],
    ["too many arguments", JSON.stringify(Array.from({ length: MAX_ACTION_ARGS + 1 }, () => 0)), "body"],
  ])("refuses %s with 400 naming where", async (_name, body, path) => {
    const problem = await fetchProblem(body);
    expect(problem?.status).toBe(400);
    expect(problem?.fields[0]?.path.startsWith(path)).toBe(true);
  });

  it("refuses other content types with 415 naming Content-Type", async () => {
    for (const type of ["application/json", "application/x-www-form-urlencoded", "text/plain;charset=latin1", ""]) {
      const problem = await fetchProblem("[]", { "content-type": type });
      expect(problem?.status, type).toBe(415);
      expect(problem?.fields[0]?.path).toBe("Content-Type");
    }
    expect((await serverActionBodyProblem("fetch", {}, Buffer.from("[]")))?.status).toBe(415);
  });

  it("refuses multipart bodies that are not well-formed or lack their arguments", async () => {
    const whole = multipart([
      ["_1_name", "x"],
      ["0", '[null,"$K1"]'],
    ]);
    const truncated = await fetchProblem(whole.subarray(0, 60), MULTIPART);
    expect(truncated).toMatchObject({ status: 400, fields: [{ path: "body" }] });
    expect(await fetchProblem(multipart([["0", "[]"]], { end: false }), MULTIPART)).toMatchObject({ status: 400 });
    expect(await fetchProblem(multipart([["0", "[]"]]), { "content-type": "multipart/form-data" })).toMatchObject({
      status: 400,
      fields: [{ path: "Content-Type" }],
    });
    expect(await fetchProblem(multipart([["_1_name", "x"]]), MULTIPART)).toMatchObject({ status: 400, fields: [{ path: "body.0" }] });
    expect(await fetchProblem(multipart([["0", "[[[["]]), MULTIPART)).toMatchObject({ status: 400, fields: [{ path: "body.0" }] });
    expect(await fetchProblem(multipart([["0", '["$2"]']]), MULTIPART)).toMatchObject({ status: 400, fields: [{ path: "body.0[0]" }] });
    expect(
      await fetchProblem(
        multipart([
          ["0", '["$1"]'],
          ["1", "{"],
        ]),
        MULTIPART,
      ),
    ).toMatchObject({ status: 400, fields: [{ path: "body.1" }] });
  });

  it("checks a form action's bound-action descriptor, and nothing else of a plain form", async () => {
    const form = (fields: [string, string][]) => serverActionBodyProblem("form", MULTIPART, multipart(fields));
    expect(await form([["name", "x"]])).toBeNull();
    expect(
      await form([
        ["$ACTION_ID_7f00", ""],
        ["name", "x"],
      ]),
    ).toBeNull();
    expect(
      await form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'],
        ["$ACTION_1:1", "[null]"],
      ]),
    ).toBeNull();
    expect(
      await form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", '{"id":"7f00","bound":"$@1"}'],
      ]),
    ).toMatchObject({
      status: 400,
      fields: [{ path: "body.$ACTION_1:0.bound" }],
    });
    expect(
      await form([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", "[[[["],
      ]),
    ).toMatchObject({ status: 400, fields: [{ path: "body.$ACTION_1:0" }] });
    expect(await form([["$ACTION_REF_1", ""]])).toMatchObject({ status: 400 });
    const truncated = await serverActionBodyProblem("form", MULTIPART, multipart([["name", "x"]]).subarray(0, 30));
    expect(truncated?.status).toBe(400);
  });
});
