import { Suspense } from "react";
import { SignInAgain } from "@/components/auth/SignInAgain";

export const metadata = { title: "Signed out" };

/** Next's 401 page (unauthorized()): an analyst action after the session ended. */
export default function Unauthorized() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-20 text-center">
      <h1 className="text-2xl font-bold text-brand-900">Your session has ended</h1>
      <p className="mt-2 text-slate-600">Nothing was changed. Sign in again to continue where you were.</p>
      <Suspense>
        <SignInAgain />
      </Suspense>
    </div>
  );
}
