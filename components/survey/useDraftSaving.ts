"use client";
// Saves the draft: on Next (the step's answers, awaited), and whenever the respondent leaves a step
// any other way (Back, a step link, the browser's Back or Forward) or the page is hidden or closed
// (visibilitychange, pagehide), so what was typed is never only in the tab. Only answers that
// differ from what was last sent go out, saves run one after another (the first one creates the
// draft and its cookie; two at once would create two), and a save on hiding uses a keepalive
// request, which the browser completes even when the page is going away.
import { useCallback, useEffect, useEffectEvent, useRef } from "react";
import type { AnswerValue } from "@/lib/survey/instrument-schema";
import { saveDraftCall, type CallResult } from "./survey-api";
import type { Answers } from "./useAnswers";

type SaveResult = Awaited<ReturnType<typeof saveDraftCall>>;
export type SaveFailure = Exclude<CallResult<unknown>, { ok: true }>;

const same = (a: AnswerValue | undefined, b: AnswerValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

function merged(base: Answers, body: Record<string, AnswerValue | null>): Answers {
  const next = { ...base };
  for (const [id, value] of Object.entries(body)) {
    if (value === null) delete next[id];
    else next[id] = value;
  }
  return next;
}

interface Options {
  slug: string;
  /** Answers as the server holds them when the page loads. */
  initial: Answers;
  /** The answers now, and the step to resume at (the furthest reached), read when a save starts. */
  current: () => { answers: Answers; resumeStep: number };
  /** A save nobody waits for (leaving a step, hiding the page) failed. */
  onBackgroundFailure: (failure: SaveFailure) => void;
}

export function useDraftSaving({ slug, initial, current, onBackgroundFailure }: Options) {
  /** What the server confirmed, and what was sent (confirmed or still on its way). */
  const confirmed = useRef<Answers>(initial);
  const sent = useRef<Answers>(initial);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const changedIds = useCallback((answers: Answers) => {
    const ids = new Set([...Object.keys(answers), ...Object.keys(sent.current)]);
    return [...ids].filter((id) => !same(answers[id], sent.current[id]));
  }, []);

  const send = useCallback(
    async (step: number, answers: Answers, ids: string[], keepalive: boolean): Promise<SaveResult> => {
      const body: Record<string, AnswerValue | null> = {};
      for (const id of new Set([...ids, ...changedIds(answers)])) body[id] = answers[id] ?? null;
      sent.current = merged(sent.current, body);
      const result = await saveDraftCall(slug, { step, answers: body }, { keepalive });
      if (result.ok) {
        confirmed.current = merged(confirmed.current, body);
      } else {
        // Not saved: these answers count as changed again, so the next save carries them.
        const reverted = { ...sent.current };
        for (const id of Object.keys(body)) {
          const value = confirmed.current[id];
          if (value === undefined) delete reverted[id];
          else reverted[id] = value;
        }
        sent.current = reverted;
      }
      return result;
    },
    [changedIds, slug],
  );

  /** Saves `ids` (null for unanswered ones) and every other changed answer, after earlier saves. */
  const save = useCallback(
    (step: number, answers: Answers, ids: string[], keepalive = false): Promise<SaveResult> => {
      const run = queue.current.then(() => send(step, answers, ids, keepalive));
      queue.current = run.catch(() => undefined);
      return run;
    },
    [send],
  );

  /** Saves changed answers, if any, without anyone waiting; failures go to onBackgroundFailure. */
  const saveChanges = (keepalive = false) => {
    const { answers, resumeStep } = current();
    if (changedIds(answers).length === 0) return;
    void save(resumeStep, answers, [], keepalive).then((result) => {
      if (!result.ok) onBackgroundFailure(result);
    });
  };

  const onHidden = useEffectEvent(() => saveChanges(true));
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onHidden();
    };
    const onPageHide = () => onHidden();
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, []);

  return { save, saveChanges };
}
