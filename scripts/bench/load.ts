// Load generator for the ingest benchmark, run as its own process (so its CPU is not the app's
// or the benchmark's): autocannon POSTs complete responses with unique Idempotency-Keys to one or
// more app instances and records which keys were sent and which were acknowledged (2xx).
// Usage: tsx scripts/bench/load.ts <config.json>; writes the config's `out` file.
import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";

export interface LoadConfig {
  urls: string[];
  path: string;
  connectionsPerUrl: number;
  seconds: number;
  keyPrefix: string;
  bodiesFile: string;
  out: string;
}

export interface LoadOutcome {
  sent: string[];
  acknowledged: string[];
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  latencies: { p50: number; p90: number; p99: number; max: number };
  seconds: number;
}

interface Context {
  key?: string;
}

async function main() {
  const config = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as LoadConfig;
  const bodies = JSON.parse(readFileSync(config.bodiesFile, "utf8")) as string[];
  const sent: string[] = [];
  const acknowledged: string[] = [];
  const statuses: Record<string, number> = {};
  let counter = 0;
  const started = performance.now();
  const runs = await Promise.all(
    config.urls.map((url) =>
      autocannon({
        url,
        connections: config.connectionsPerUrl,
        duration: config.seconds,
        timeout: 10,
        requests: [
          {
            method: "POST",
            path: config.path,
            setupRequest: (request: autocannon.Request, context: object) => {
              const n = counter++;
              const key = `${config.keyPrefix}-${n}`;
              (context as Context).key = key;
              sent.push(key);
              // Respondents, not one machine: 10,000 client addresses (as a proxy would report them),
              // so the per-address rate-limit counters are spread as in a real launch-day burst.
              const client = (n % 10_000) + 1;
              const address = `10.77.${client >> 8}.${client & 255}`;
              return {
                ...request,
                headers: { "content-type": "application/json", "idempotency-key": key, "x-forwarded-for": address },
                body: bodies[n % bodies.length],
              };
            },
            onResponse: (status: number, _body: string, context: object) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
              const key = (context as Context).key;
              if (status >= 200 && status < 300 && key) acknowledged.push(key);
            },
          },
        ],
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  // autocannon's latency percentiles per instance; with one URL they are exact, with several
  // the worst instance's figure is reported (conservative).
  const worst = (pick: (r: autocannon.Result) => number) => Math.max(...runs.map(pick));
  const outcome: LoadOutcome = {
    sent,
    acknowledged,
    statuses,
    errors: runs.reduce((s, r) => s + r.errors, 0),
    timeouts: runs.reduce((s, r) => s + r.timeouts, 0),
    latencies: {
      p50: worst((r) => r.latency.p50),
      p90: worst((r) => r.latency.p90),
      p99: worst((r) => r.latency.p99),
      max: worst((r) => r.latency.max),
    },
    seconds,
  };
  writeFileSync(config.out, JSON.stringify(outcome));
}

await main();
