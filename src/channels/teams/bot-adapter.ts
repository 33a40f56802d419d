import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationParameters,
  type ConversationReference,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';

// The only file that imports botbuilder. Its SDK is archived upstream; moving to @microsoft/agents-hosting
// means rewriting this file alone. Everything else in src/channels/teams sees the plain shapes below: the
// activity as JSON, a conversation reference as JSON (it is stored), and three things to do with them.

/** The parts of an incoming Bot Framework activity ipcheck reads. */
export interface InActivity {
  type: string;
  id?: string;
  channelId: string;
  serviceUrl: string;
  text?: string;
  /** An Action.Submit's data, with the card's inputs merged in. */
  value?: unknown;
  replyToId?: string;
  /** Files and HTML bodies (plain JSON: sweep.ts checks each one's shape). */
  attachments?: unknown[];
  from: { id: string; name?: string; aadObjectId?: string };
  recipient: { id: string; name?: string };
  conversation: { id: string; conversationType?: string; tenantId?: string; isGroup?: boolean };
  membersAdded?: { id: string }[];
  /** installationUpdate: "add" or "remove". */
  action?: string;
  entities?: { type: string; mentioned?: { id: string }; text?: string }[];
  channelData?: {
    tenant?: { id?: string };
    team?: { id?: string; name?: string };
    channel?: { id?: string; name?: string };
    eventType?: string;
  };
}

/** A message or typing indicator to send. */
export interface OutActivity {
  type: 'message' | 'typing';
  text?: string;
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
}

/** Where to reach a conversation later (proactive messages); plain JSON, kept in the store. */
export interface ConversationRef {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string; tenantId?: string; isGroup?: boolean; conversationType?: string };
  bot: { id: string; name?: string };
  tenantId?: string;
}

/** One turn: the activity, and sending into its conversation. */
export interface BotTurn {
  activity: InActivity;
  /** Sends into the turn's conversation (a reply in a channel thread); the new activity's id. */
  send(a: OutActivity): Promise<string | undefined>;
  /** Replaces an activity the bot sent earlier in this conversation (a card's new state). */
  update(activityId: string, a: OutActivity): Promise<void>;
  ref(): ConversationRef;
}

export interface BotCredentials {
  MicrosoftAppId?: string;
  MicrosoftAppPassword?: string;
  MicrosoftAppTenantId?: string;
  MicrosoftAppType?: string;
}

/** The request and response shapes CloudAdapter.process reads (express-like; http-route.ts makes them). */
export interface AdapterRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}
export interface AdapterResponse {
  socket: unknown;
  status(code: number): unknown;
  header(name: string, value: unknown): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}

export interface BotAdapter {
  /** Authenticates (with an app id) and runs `onTurn`; answers 401 for an unsigned request when one is set. */
  process(req: AdapterRequest, res: AdapterResponse, onTurn: (t: BotTurn) => Promise<void>): Promise<void>;
  /** A proactive turn in a conversation ipcheck was in before. */
  continueIn(ref: ConversationRef, fn: (t: BotTurn) => Promise<void>): Promise<void>;
  /**
   * Work on an activity after its request was answered: a proactive turn in its conversation whose
   * `activity` is still that one (the request's own turn context is revoked once its turn returns).
   * An error in `fn` is the caller's to handle; it is not passed to the adapter's error handler.
   */
  continueTurn(a: InActivity, fn: (t: BotTurn) => Promise<void>): Promise<void>;
  /** A new top-level post in a Teams channel; its id is the thread's conversation id (`…;messageid=…`). */
  postInChannel(ref: ConversationRef, channelId: string, first: OutActivity): Promise<string>;
  /** The text with the bot's own @mention taken out. */
  textWithoutMention(a: InActivity): string;
}

// The public cloud's Bot Framework audience for outbound calls (botbuilder's default).
const AUDIENCE = 'https://api.botframework.com';

function turnOf(ctx: TurnContext): BotTurn {
  return {
    activity: ctx.activity as unknown as InActivity,
    send: async (a) => (await ctx.sendActivity(a as Partial<Activity>))?.id,
    update: async (id, a) => {
      await ctx.updateActivity({ ...(a as Partial<Activity>), id });
    },
    ref: () => refOf(ctx.activity as unknown as InActivity),
  };
}

export function refOf(a: InActivity): ConversationRef {
  const tenantId = a.conversation.tenantId ?? a.channelData?.tenant?.id;
  return {
    serviceUrl: a.serviceUrl,
    channelId: a.channelId,
    conversation: { ...a.conversation },
    bot: { id: a.recipient.id, ...(a.recipient.name ? { name: a.recipient.name } : {}) },
    ...(tenantId ? { tenantId } : {}),
  };
}

/**
 * CloudAdapter.process answers a refused request (401 for a bad or missing token) by handing the error
 * to `console.error` whole — stack, and whatever the error carries — past ipcheck's scrubbing logger,
 * once per request anyone can send. Here the error is caught one step earlier, in processActivity, and
 * turned into the same status as an invoke response, which process() sends as it is: the caller logs
 * one scrubbed line instead.
 */
class QuietCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly onRefused: (err: Error, status: number) => void,
  ) {
    super(auth);
  }

  protected override async processActivity(
    // An auth header, or an already-authenticated request (botbuilder's second overload).
    authHeaderOrResult: string | object,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await super.processActivity(authHeaderOrResult as string, activity, logic);
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      // botframework-connector's AuthenticationError carries its status; anything else is ours: 500.
      const status = (e as { statusCode?: unknown }).statusCode === 401 ? 401 : 500;
      this.onRefused(e, status);
      return { status };
    }
  }
}

export function createBotAdapter(
  creds: BotCredentials,
  onError: (err: Error, a: InActivity) => Promise<void>,
  /** A request refused (401) or failed before any turn ran (500); the error is for a log line. */
  onRefused: (err: Error, status: number) => void = () => {},
): BotAdapter {
  const appId = creds.MicrosoftAppId ?? '';
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    MicrosoftAppPassword: creds.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: creds.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: creds.MicrosoftAppType ?? (appId ? 'MultiTenant' : ''),
  });
  const adapter = new QuietCloudAdapter(auth, onRefused);
  adapter.onTurnError = async (ctx, err) => {
    await onError(err, ctx.activity as unknown as InActivity);
  };
  return {
    process: (req, res, onTurn) => adapter.process(req as never, res as never, (ctx) => onTurn(turnOf(ctx))),
    continueIn: (ref, fn) =>
      adapter.continueConversationAsync(appId, ref as Partial<ConversationReference>, (ctx) =>
        fn(turnOf(ctx)),
      ),
    continueTurn: async (a, fn) => {
      // The adapter hands an error thrown in a turn to onTurnError and resolves; this one must reach
      // the caller, so it is carried out of the turn instead.
      let failed: { err: unknown } | undefined;
      await adapter.continueConversationAsync(
        appId,
        refOf(a) as Partial<ConversationReference>,
        async (ctx) => {
          try {
            await fn({ ...turnOf(ctx), activity: a, ref: () => refOf(a) });
          } catch (err) {
            failed = { err };
          }
        },
      );
      if (failed) throw failed.err;
    },
    postInChannel: async (ref, channelId, first) => {
      let id = '';
      const params = {
        isGroup: true,
        bot: ref.bot,
        channelData: {
          channel: { id: channelId },
          ...(ref.tenantId ? { tenant: { id: ref.tenantId } } : {}),
        },
        activity: first,
        ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      } as unknown as ConversationParameters;
      await adapter.createConversationAsync(
        appId,
        ref.channelId,
        ref.serviceUrl,
        AUDIENCE,
        params,
        async (ctx) => {
          id = ctx.activity.conversation.id;
        },
      );
      if (!id) throw new Error('creating the channel post returned no conversation id');
      return id;
    },
    textWithoutMention: (a) => {
      const copy = { ...a, entities: a.entities ?? [] } as unknown as Activity;
      return (TurnContext.removeRecipientMention(copy) ?? a.text ?? '').trim();
    },
  };
}
