"use client";
// Shown when an action needs a session that has ended (app/dashboard/unauthorized.tsx): back to sign-in,
// then back to the page the analyst was on, with its filters.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";

export function SignInAgain() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const router = useRouter();
  const href = `/login?next=${encodeURIComponent(search ? `${pathname}?${search}` : pathname)}`;
  useEffect(() => {
    const timer = setTimeout(() => router.replace(href), 1500);
    return () => clearTimeout(timer);
  }, [href, router]);
  return (
    <Link href={href} className="mt-6 inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
      Sign in again
    </Link>
  );
}
