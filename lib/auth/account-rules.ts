// What an admin may not do to an account (pure, so the rules are unit-tested; lib/auth/accounts.ts
// applies them inside the transaction that makes the change).
export type AccountChange = "disable" | "enable" | "remove";

export interface AccountChangeFacts {
  actorId: string;
  target: { id: string; email: string; role: string | null; banned: boolean | null };
  change: AccountChange;
  /** Active (not disabled) admins other than the target. */
  otherActiveAdmins: number;
  /** The target's exports in the audit log. */
  exports: number;
}

/** Why the change is refused, or null when it may go ahead. */
export function accountChangeRefusal({ actorId, target, change, otherActiveAdmins, exports }: AccountChangeFacts): string | null {
  if (target.id === actorId) return `You cannot ${change} your own account.`;
  if (change !== "enable" && target.role === "admin" && !target.banned && otherActiveAdmins === 0)
    return `${target.email} is the last active admin; make another admin first.`;
  if (change === "remove" && exports > 0)
    return `${target.email} has ${exports} export${exports === 1 ? "" : "s"} in the audit log; disable the account instead, so the log keeps them.`;
  return null;
}
