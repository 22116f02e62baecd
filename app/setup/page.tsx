import type { Metadata } from "next";
import { SetupAdminForm } from "@/components/auth/AccountForms";
import { setupTokenUsable } from "@/lib/auth/setup";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" && /^[A-Za-z0-9_-]{43}$/.test(raw) ? raw : null;
  const usable = token ? await setupTokenUsable(token) : false;
  return (
    <div className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">Create the first admin</h1>
      {usable && token ? (
        <>
          <p className="mb-6 mt-1 text-sm text-slate-600">This one-time link creates the first administrator account.</p>
          <SetupAdminForm token={token} />
        </>
      ) : (
        <p role="alert" className="mt-4 text-slate-700">
          This setup link is not valid: it has expired, was already used, or an admin already exists.
        </p>
      )}
    </div>
  );
}
