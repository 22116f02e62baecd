import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-brand-900">Page not found</h1>
      <p className="mt-2 text-slate-600">The page or survey you asked for does not exist, or is not open.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Back to the start
      </Link>
    </div>
  );
}
