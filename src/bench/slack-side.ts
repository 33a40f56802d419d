// Slack's side of the ack bench, in its own process (forked by slack-ack-bench.ts): the fake Web API that
// ipcheck posts to, and the load generator that sends signed requests. Slack is other machines; run in
// the measured process, their work would share (and slow) the event loop of the app being measured.
//
// Protocol over IPC: the child first sends {ready, apiUrl, responseUrl}; then each request
// {id, load: {url, bodies, concurrency}}, {id, messages: true} or {id, latencyMs} gets {id, result}.

import { type PostedMessage, startBenchSlackApi } from './fake-slack-web-api.js';
import { postSigned } from './slack-requests.js';

export interface LoadResult {
  /** Milliseconds from sending to the end of the response, sorted. */
  sorted: number[];
  wall: number;
  notOk: number;
}

export type SideRequest =
  | { id: number; load: { url: string; bodies: string[]; concurrency: number } }
  | { id: number; messages: true }
  | { id: number; latencyMs: number }
  | { id: number; exit: true };

export type SideReady = { ready: true; apiUrl: string; responseUrl: string };
export type SideAnswer = { id: number; result?: LoadResult | PostedMessage[]; error?: string };

async function runLoad(url: string, bodies: string[], concurrency: number): Promise<LoadResult> {
  const ms: number[] = [];
  let notOk = 0;
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const r = await postSigned(url, bodies[i] as string);
      if (r.status !== 200) notOk++;
      ms.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sorted: ms.sort((a, b) => a - b), wall: performance.now() - t0, notOk };
}

async function main(send: (m: SideReady | SideAnswer) => void): Promise<void> {
  const api = await startBenchSlackApi();
  // The bench that forked this process is gone (finished, or stopped with Ctrl-C): so is this.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (req: SideRequest) => {
    if ('exit' in req) {
      void api.close().then(() => process.exit(0));
      return;
    }
    if ('latencyMs' in req) {
      api.latencyMs = req.latencyMs;
      send({ id: req.id, result: [] });
      return;
    }
    const work: Promise<LoadResult | PostedMessage[]> =
      'load' in req
        ? runLoad(req.load.url, req.load.bodies, req.load.concurrency)
        : Promise.resolve([...api.messages.values()]);
    work.then(
      (result) => send({ id: req.id, result }),
      (err: Error) => send({ id: req.id, error: err.message }),
    );
  });
  send({ ready: true, apiUrl: api.url, responseUrl: api.responseUrl });
}

const send = process.send?.bind(process);
if (send) await main((m) => send(m));
