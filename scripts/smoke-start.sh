#!/usr/bin/env bash
# Starts the app exactly as the README says (embedded PostgreSQL, demo data), checks the home
# page, the survey and one API submission, then stops it and checks a second start reuses the data.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${SMOKE_PORT:-3987}"
DATA_DIR="$(mktemp -d)"
LOG="$(mktemp)"
export PORT DATA_DIR SEED_RESPONSES=500
unset DATABASE_URL
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" || true; fi
  rm -rf "$DATA_DIR" "$LOG"
}
trap cleanup EXIT

start_app() {
  : > "$LOG"
  node_modules/.bin/tsx scripts/start.ts > "$LOG" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    if grep -q "Readiness Radar is running at http://localhost:$PORT" "$LOG"; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$LOG"; echo "smoke: npm start exited early"; exit 1; fi
    sleep 1
  done
  cat "$LOG"; echo "smoke: npm start did not print its URL in time"; exit 1
}

stop_app() {
  kill -TERM "$pid"; wait "$pid" || true; pid=""
}

start_app
base="http://127.0.0.1:$PORT"
curl -fsS "$base/" | grep -q "Take the survey"
curl -fsS "$base/survey/ai-readiness" | grep -q "AI Inference Readiness Survey"
definition="$(curl -fsS "$base/api/v1/surveys/ai-readiness")"
echo "$definition" | grep -q '"slug":"ai-readiness"'
body='{"answers":{"industry":"telecom","region":"western_europe","company_size":"1000_9999","role":"platform_infra","ready_self":4,"ready_team":3,"ready_org":3,"ai_stage":"pilots","dim_strategy":3,"dim_compute":3,"dim_network":2,"dim_data":3,"dim_governance":3,"dim_talent":2,"dim_culture":4,"excitements":["productivity"],"concerns":["latency","cost"],"concerns_top3":["latency","cost"],"workloads":["realtime_chat"],"latency_budget":"100_250ms","user_geography":"several_regions","traffic_shape":"bursty","model_sizes":["small_domain"],"infra_current":["central_cloud"],"infra_planned":["hybrid"]}}'
status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H 'Idempotency-Key: smoke-0001' --data "$body" "$base/api/v1/surveys/ai-readiness/responses")"
[ "$status" = "201" ] || { echo "smoke: expected 201 from the API, got $status"; cat "$LOG"; exit 1; }
grep -q "Seeding demo data" "$LOG" || { echo "smoke: first start did not seed demo data"; exit 1; }
setup_link="$(grep -Eo 'http://[^ ]+/setup\?token=[A-Za-z0-9_-]{43}' "$LOG" | head -n1)"
[ -n "$setup_link" ] || { echo "smoke: no first-admin setup link was printed"; cat "$LOG"; exit 1; }
curl -fsS "${setup_link/localhost/127.0.0.1}" | grep -q "Create admin account" || { echo "smoke: the setup link does not open the form"; exit 1; }
[ "$(curl -sS -o /dev/null -w '%{http_code}' "$base/api/v1/analytics/overview")" = "401" ] || { echo "smoke: analytics API answered without a session"; exit 1; }
stop_app

# A second start reuses the data: no new seeding, and the submitted response is still there.
start_app
if grep -q "Seeding demo data" "$LOG"; then echo "smoke: second start seeded again"; exit 1; fi
status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H 'Idempotency-Key: smoke-0001' --data "$body" "$base/api/v1/surveys/ai-readiness/responses")"
[ "$status" = "200" ] || { echo "smoke: expected the stored response (200) after restart, got $status"; exit 1; }
stop_app
echo "smoke: 2 passed, 0 failed"
