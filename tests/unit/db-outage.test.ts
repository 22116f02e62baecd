// serveWatchingDatabase() on a real Node HTTP server: a 500 from a request the database failed is
// sent as 503 with Retry-After; any other status, or a 500 from a request it did not fail, is not.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noteDatabaseError, serveWatchingDatabase } from "@/lib/db/outage";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

// What each path does, as Next's handler would: fail on the database (after an await, as a page's
// query does) or not, then answer with a status, implicitly or through writeHead.
const routes: Record<string, (res: http.ServerResponse) => Promise<void>> = {
  "/page-db-down": async (res) => {
    await new Promise((resolve) => setImmediate(resolve));
    noteDatabaseError(refused);
    res.statusCode = 500;
    res.end("<html>error</html>");
  },
  "/page-db-down-writehead": async (res) => {
    await Promise.resolve();
    noteDatabaseError(new Error("Connection terminated unexpectedly"));
    res.writeHead(500, "Internal Server Error", { "content-type": "text/html" }).end("error");
  },
  "/page-bug": async (res) => {
    noteDatabaseError(new TypeError("x is undefined")); // not a database failure
    res.statusCode = 500;
    res.end("error");
  },
  "/page-recovered": async (res) => {
    noteDatabaseError(refused); // caught and rendered without the data
    res.end("fine");
  },
};

let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => void serveWatchingDatabase(req, res, async (_, r) => routes[req.url ?? ""]!(r)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("pages failed by the database", () => {
  it.each(["/page-db-down", "/page-db-down-writehead"])("%s answers 503 with Retry-After and the same body", async (path) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(await response.text()).toMatch(/error/);
  });

  it("leaves other failures at 500 and successes alone", async () => {
    const bug = await fetch(`${base}/page-bug`);
    expect(bug.status).toBe(500);
    expect(bug.headers.get("retry-after")).toBeNull();
    expect((await fetch(`${base}/page-recovered`)).status).toBe(200);
  });

  it("keeps each request's state to itself", async () => {
    const [down, bug] = await Promise.all([fetch(`${base}/page-db-down`), fetch(`${base}/page-bug`)]);
    expect([down.status, bug.status]).toEqual([503, 500]);
  });
});
