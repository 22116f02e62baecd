-- Client IP addresses are no longer stored (lib/auth/privacy.ts): forget the ones already recorded.
-- Sessions keep working; rate-limit counters restart under pseudonymous keys.
UPDATE "auth_session" SET "ip_address" = NULL WHERE "ip_address" IS NOT NULL;
DELETE FROM "auth_rate_limit";
