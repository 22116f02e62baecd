import "server-only";
// Admins disable, re-enable and remove analyst accounts. Every change runs in one transaction with
// the admin accounts locked, so two admins acting at once can never leave the app without an active
// admin, and writes its row in account_audit. Nobody can disable or remove themselves.
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { accountChangeRefusal, type AccountChange } from "./account-rules";
import type { Analyst } from "./session";

export type { AccountChange };
export const ACCOUNT_ACTIONS = ["created", "disabled", "enabled", "removed"] as const;
export type AccountAuditAction = (typeof ACCOUNT_ACTIONS)[number];

const PAST: Record<AccountChange, AccountAuditAction> = { disable: "disabled", enable: "enabled", remove: "removed" };

export class AccountChangeRefused extends ConflictError {
  constructor(message: string) {
    super("account_change_refused", message);
  }
}

/**
 * Applies `change` to the account `targetId` on behalf of `actor` (an admin; the server action
 * checks the role). Refuses (ConflictError) changing your own account, disabling or removing the
 * last active admin, and removing an account whose exports are in the audit log (disable it instead:
 * the log keeps who exported what).
 */
export async function changeAccount(actor: Analyst, targetId: string, change: AccountChange): Promise<{ email: string }> {
  if (targetId === actor.id) throw new AccountChangeRefused(`You cannot ${change} your own account.`);
  return db().$transaction(async (tx) => {
    // Lock every admin row: the "last active admin" check and the change are one step.
    await tx.$queryRaw`SELECT id FROM auth_user WHERE role = 'admin' ORDER BY id FOR UPDATE`;
    const target = await tx.user.findUnique({ where: { id: targetId }, select: { id: true, email: true, role: true, banned: true } });
    if (!target) throw new NotFoundError("Account");
    const [otherActiveAdmins, exports] = await Promise.all([
      tx.user.count({ where: { role: "admin", id: { not: target.id }, OR: [{ banned: false }, { banned: null }] } }),
      tx.exportAudit.count({ where: { userId: target.id } }),
    ]);
    const refusal = accountChangeRefusal({ actorId: actor.id, target, change, otherActiveAdmins, exports });
    if (refusal) throw new AccountChangeRefused(refusal);
    if (change === "disable") {
      await tx.user.update({ where: { id: target.id }, data: { banned: true, banReason: `disabled by ${actor.email}` } });
      // Signed out everywhere at once; its API tokens stop working with it (tokens.ts checks banned).
      await tx.session.deleteMany({ where: { userId: target.id } });
    } else if (change === "enable") {
      await tx.user.update({ where: { id: target.id }, data: { banned: false, banReason: null, banExpires: null } });
    } else {
      await tx.user.delete({ where: { id: target.id } });
    }
    await tx.accountAudit.create({
      data: { actorId: actor.id, actorEmail: actor.email, action: PAST[change], targetId: target.id, targetEmail: target.email },
    });
    return { email: target.email };
  });
}

/** Records a created account (the creation itself goes through better-auth). */
export async function auditAccountCreated(actor: Analyst, target: { id: string; email: string }): Promise<void> {
  await db().accountAudit.create({
    data: { actorId: actor.id, actorEmail: actor.email, action: "created", targetId: target.id, targetEmail: target.email },
  });
}

export async function listAccountAudit(limit = 200) {
  return db().accountAudit.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}
