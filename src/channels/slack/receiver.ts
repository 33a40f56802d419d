import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { InFlight } from '../shared/in-flight.js';
import type { Ticket, TurnedAwayLog, WorkGate } from '../shared/work-gate.js';
import { payloadProblem } from './request-guard.js';
import type { SlackDeps } from './slack-deps.js';
import { mayTurnAway, opensModal, turnAway } from './turn-away.js';
import { answerUnhandled } from './unhandled.js';

// Bolt's receivers (HTTPReceiver, SocketModeReceiver) turn a request into a ReceiverEvent and hand it to
// their app's processEvent. ipcheck's Slack app receives through this seam instead: a Receiver that wraps
// Bolt's own and decides, before any listener runs, whether and when each event reaches the Bolt app.

/** What an event passes on its way in: `deliver` hands it to the Bolt app's listeners. */
export type Intake = (
  event: ReceiverEvent,
  deliver: (event: ReceiverEvent) => Promise<void>,
) => Promise<void>;

/** A Bolt Receiver that passes every event of the receiver it wraps through an intake. */
export class IntakeReceiver implements Receiver {
  constructor(
    private readonly inner: Receiver,
    /** The intake, made once the Bolt app exists (it answers through the app's client). */
    private readonly intakeFor: (app: App) => Intake,
  ) {}

  init(app: App): void {
    const intake = this.intakeFor(app);
    const deliver = (event: ReceiverEvent) => app.processEvent(event);
    // The wrapped receiver knows only "its app"'s processEvent: it gets the Bolt app with that one method
    // routed through the intake (everything else is the app's own, through the prototype).
    const seam: App = Object.create(app);
    seam.processEvent = (event) => intake(event, deliver);
    this.inner.init(seam);
  }

  // biome-ignore lint/suspicious/noExplicitAny: Bolt's Receiver takes any receiver-specific start arguments
  start(...args: any[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  // biome-ignore lint/suspicious/noExplicitAny: as start
  stop(...args: any[]): Promise<unknown> {
    return this.inner.stop(...args);
  }
}

/** What the intake of ipcheck's Slack app works with: the running work, the work line, the deps. */
export interface IntakeParts {
  deps: SlackDeps;
  inFlight: InFlight;
  gate: WorkGate;
  turnedAway: TurnedAwayLog;
}

/**
 * ipcheck's intake: a payload of the wrong shape is acked and dropped (Socket Mode payloads skip the HTTP
 * guard, so the same shape check runs here); every request's work is counted from its arrival until its
 * listeners finish, and after its ack it waits for its turn in the work line (shared/work-gate.ts), or,
 * the line being full, is turned away (turn-away.ts); a request no listener acked is answered at once
 * (unhandled.ts).
 */
export function gatedIntake({ deps, inFlight, gate, turnedAway }: IntakeParts, app: App): Intake {
  return async (event, deliver) => {
    const problem = payloadProblem(event.body);
    if (problem) {
      deps.log.warn(`dropped a Slack payload: ${problem}`);
      await event.ack();
      return;
    }
    // Buttons that open a modal skip the line: their trigger_id is good for 3 seconds only.
    let ticket: Ticket | undefined;
    if (!opensModal(event.body)) {
      ticket = gate.enter();
      // The line is full: acked, not worked on, and its person told to try again (turn-away.ts).
      if (!ticket && mayTurnAway(event.body)) {
        await inFlight.run(async () => {
          turnedAway.note(await turnAway(event, deps, app.client));
        });
        return;
      }
    }
    let acked = false;
    const ack = async (response?: Parameters<typeof event.ack>[0]) => {
      acked = true;
      await event.ack(response);
    };
    const t = ticket;
    const gated: ReceiverEvent = t
      ? {
          ...event,
          ack: async (response?: Parameters<typeof ack>[0]) => {
            await ack(response);
            await t.turn();
          },
        }
      : { ...event, ack };
    try {
      await inFlight.run(async () => {
        try {
          await deliver(gated);
        } finally {
          // No listener answered it (a kind ipcheck has none for, or one that failed before its ack):
          // answered here, at once, instead of Slack's error after 3 s (unhandled.ts).
          if (!acked) await answerUnhandled(event.body, ack, app.client, deps.log);
        }
      });
    } finally {
      t?.release();
    }
  };
}
