import type { types } from '@slack/bolt';
import { userText } from '../../domain/model/errors.js';
import { escapeMrkdwn } from './render-block-kit.js';
import type { Log, WebClient } from './slack-deps.js';

// A correctly signed request that no listener acknowledged: a kind ipcheck has no listener for (a shortcut
// someone added in the app's settings, a button or form of another app version, a closed modal, an
// options request, a payload type Slack adds later), or one whose listener failed before its ack. Bolt
// leaves those unanswered, and Slack shows the person an error after 3 s. Here each is answered at once
// with what Slack expects for its kind, and where a person is waiting they are told, in a sentence, that
// nothing was done; the log says what it was.

type Ack = (response?: Record<string, unknown>) => Promise<void>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** ipcheck's own action and callback ids start with this (action-ids.ts). */
const OURS = /^ipc_/;

const HOW =
  'ipcheck works with `/ipcheck <listing> [what happened]`, an @mention (`@ipcheck got a trademark complaint on B0C1234567`), a DM, or the buttons on its own messages.';

/** A modal that says, in plain words, why nothing happened (for a shortcut, or a form it cannot take). */
function noticeView(text: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'ipcheck' },
    close: { type: 'plain_text', text: 'OK' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

/** What this payload is, for the log line. */
function describe(body: Record<string, unknown>): string {
  const type = str(body.type);
  if (!type) return 'a payload with no "type"';
  const view = isObject(body.view) ? body.view : {};
  const action = Array.isArray(body.actions) && isObject(body.actions[0]) ? body.actions[0] : {};
  const id = str(body.callback_id) ?? str(view.callback_id) ?? str(action.action_id) ?? str(body.action_id);
  return id ? `${type} "${id}"` : `a payload of type "${type}"`;
}

/** The block id of a form's first input, where an error can be shown without closing the form. */
function firstInput(view: Record<string, unknown>): string | undefined {
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  const input = blocks.find((x) => isObject(x) && x.type === 'input' && typeof x.block_id === 'string');
  return isObject(input) ? str(input.block_id) : undefined;
}

/** Where a button was pressed: its channel and thread, from the payload (for a private answer there). */
function pressedIn(body: Record<string, unknown>): { channel: string; thread_ts?: string } | undefined {
  const container = isObject(body.container) ? body.container : {};
  const channel = str(container.channel_id) ?? (isObject(body.channel) ? str(body.channel.id) : undefined);
  if (!channel) return undefined;
  const thread =
    str(container.thread_ts) ?? (isObject(body.message) ? str(body.message.thread_ts) : undefined);
  return { channel, ...(thread ? { thread_ts: thread } : {}) };
}

/**
 * Answers a request no listener acknowledged, then tells the person who is waiting (if anyone is). The
 * ack comes first and never waits for Slack's Web API; telling the person is best effort.
 */
export async function answerUnhandled(body: unknown, ack: Ack, client: WebClient, log: Log): Promise<void> {
  const b = isObject(body) ? body : {};
  const type = str(b.type);
  const user = isObject(b.user) ? str(b.user.id) : str(b.user_id);
  const what = describe(b);
  const view = isObject(b.view) ? b.view : {};
  const action = Array.isArray(b.actions) && isObject(b.actions[0]) ? b.actions[0] : {};
  const ours = OURS.test(str(view.callback_id) ?? str(action.action_id) ?? '');
  // Our own button or form whose listener failed before it could answer: the usual "nothing was changed".
  const failed = `Sorry: ${userText(undefined)}`;
  log.warn(
    ours
      ? `slack: ${what} failed before it was answered; answered now, nothing was done`
      : `slack: ${what} is not one of ipcheck's; answered, nothing was done`,
  );
  switch (type) {
    case 'view_submission': {
      // Our own form: it stays open with the person's text and the error under its first field, so
      // nothing they wrote is lost. A form ipcheck does not know is replaced by a note.
      const input = firstInput(view);
      if (ours && input)
        return ack({ response_action: 'errors', errors: { [input]: `Not saved: ${userText(undefined)}` } });
      return ack({
        response_action: 'update',
        view: noticeView(
          ours
            ? `${failed} Nothing was saved.`
            : `This form is not one ipcheck knows (perhaps from an older version), so nothing was saved. ${HOW}`,
        ),
      });
    }
    case 'block_suggestion':
      return ack({ options: [] });
    default:
      await ack();
  }
  try {
    if ((type === 'shortcut' || type === 'message_action') && str(b.trigger_id)) {
      const text = `ipcheck has no shortcut "${escapeMrkdwn(str(b.callback_id) ?? '')}", so nothing was done. ${HOW}`;
      await client.views.open({ trigger_id: str(b.trigger_id) as string, view: noticeView(text) });
    } else if (type === 'block_actions' && user) {
      const where = pressedIn(b);
      const text = ours
        ? failed
        : 'That button is not one of ipcheck’s, so nothing was changed. Say "status" in a case thread to see where the case stands.';
      if (where) await client.chat.postEphemeral({ ...where, user, text });
    }
  } catch (err) {
    log.warn(`slack: could not tell ${user ?? 'the sender'} about ${what}: ${(err as Error).message}`);
  }
}
