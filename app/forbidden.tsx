import Link from "next/link";

export const metadata = { title: "Not allowed" };

/** Next's 403 page (forbidden()): the signed-in role may not do this. */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-brand-900">Not allowed</h1>
      <p className="mt-2 text-slate-600">Your role does not allow this. Nothing was changed.</p>
      <Link href="/dashboard" className="mt-6 inline-block text-brand-700 underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
