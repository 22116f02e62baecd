import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { safeNext } from "@/lib/auth/redirect";
import { currentAnalyst } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Analyst sign-in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await currentAnalyst()) redirect(next);
  return (
    <div className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-900">Analyst sign-in</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">Dashboards are for the survey team. Respondents do not need an account.</p>
      <LoginForm next={next} />
    </div>
  );
}
