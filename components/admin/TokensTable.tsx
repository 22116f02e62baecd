"use client";
import { DataTable, dataColumnHelper } from "@/components/dashboard/DataTable";
import { revokeTokenAction } from "@/lib/auth/token-actions";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const helper = dataColumnHelper<TokenRow>();

const columns = [
  helper.accessor("name", { header: "Name", meta: { rowHeader: true } }),
  helper.accessor("prefix", { header: "Token", cell: (ctx) => <span className="font-mono text-xs">{ctx.getValue()}…</span> }),
  helper.accessor("createdAt", { header: "Created", cell: (ctx) => ctx.getValue().toISOString().slice(0, 10) }),
  helper.accessor("lastUsedAt", {
    header: "Last used (UTC)",
    cell: (ctx) => ctx.getValue()?.toISOString().slice(0, 16).replace("T", " ") ?? "never",
  }),
  helper.accessor("revokedAt", { header: "Status", cell: (ctx) => (ctx.getValue() ? "revoked" : "active") }),
  helper.display({
    id: "actions",
    meta: { srHeader: "Actions", align: "end" },
    cell: (ctx) =>
      ctx.row.original.revokedAt ? null : (
        <form action={revokeTokenAction}>
          <input type="hidden" name="id" value={ctx.row.original.id} />
          <button
            type="submit"
            aria-label={`Revoke ${ctx.row.original.name}`}
            className="rounded-lg border border-red-300 px-2 py-1 text-red-700 hover:bg-red-50"
          >
            Revoke
          </button>
        </form>
      ),
  }),
];

export function TokensTable({ tokens }: { tokens: TokenRow[] }) {
  return (
    <DataTable columns={columns} data={tokens} getRowId={(t) => t.id} caption="Your API tokens" testId="tokens" empty="No tokens yet." />
  );
}
