import { userText } from '../../domain/model/errors.js';
import type { Log } from './slack-deps.js';

// A modal submission must be answered within 3 seconds, and the answer is the only way to keep the
// modal open with an error next to the field (response_action: errors), where the person's text is not
// lost. So a form's work (checks, the case write) gets a budget well inside Slack's limit: when it is
// done in time, Slack gets its verdict (close, or the error in the form); when the store or Slack's API
// is slow, the modal is closed at the budget and the verdict is told privately once the work is done.

export const FORM_BUDGET_MS = 2000;

export type Verdict =
  /** Done: close the modal, then run `after` (posting to threads: never before the ack). */
  | { ok: true; after?: () => Promise<void> }
  /** Refused, nothing changed: shown in the form under `block`, or told privately once it is closed. */
  | { ok: false; block: string; text: string };

export type FormAck = (response?: {
  response_action: 'errors';
  errors: Record<string, string>;
}) => Promise<void>;

const sleep = (ms: number) => new Promise<'late'>((r) => setTimeout(() => r('late'), ms).unref());

/**
 * Runs `work` and answers the submission within `budgetMs`. A failure of the work is a refusal under
 * `block` ("Not saved: …"). `late` tells the person privately when a refusal came after the modal had
 * to be closed (it should hand their text back, so nothing is lost).
 */
export async function answerForm(
  ack: FormAck,
  block: string,
  work: () => Promise<Verdict>,
  late: (v: Extract<Verdict, { ok: false }>) => Promise<void>,
  log: Log,
  budgetMs = FORM_BUDGET_MS,
): Promise<void> {
  const running = work().catch((err: Error): Verdict => {
    log.error(`form on ${block} failed: ${err.message}`);
    return { ok: false, block, text: `Not saved: ${userText(err)}` };
  });
  const first = await Promise.race([running, sleep(budgetMs)]);
  const verdict = first === 'late' ? undefined : first;
  if (verdict && !verdict.ok)
    return ack({ response_action: 'errors', errors: { [verdict.block]: verdict.text } });
  await ack();
  const v = verdict ?? (await running);
  try {
    if (v.ok) await v.after?.();
    else await late(v);
  } catch (err) {
    log.error(`after a form was submitted: ${(err as Error).message}`);
  }
}
