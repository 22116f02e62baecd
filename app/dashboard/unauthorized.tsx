import { Suspense } from "react";
import { SignInAgain } from "@/components/auth/SignInAgain";

export const metadata = { title: "Signed out" };

/**
 * Next's 401 page (unauthorized()): an analyst action after the session ended. It lives with the
 * dashboard, where the actions are, not at the root: Next renders a segment's 401 page into every
 * page below it, so at the root SignInAgain's client chunk loaded on every respondent page too.
 */
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
