import { getEventListeners } from 'node:events';
import { createManualClock, type ManualClock } from '@buddy/traffic-core';
import { Client, type Dispatcher, Pool } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FaultServer, startFaultServer } from './fault-server.testkit.js';
import { createSender, type Sender } from './sender.js';
import type { SoulRequestError } from './soul-request-error.js';

const headers = { 'content-type': 'application/json' };
const body = (fault: string) => JSON.stringify({ content: `${fault} request` });

/** Settles to the error's kind, or 'ok:<text>' when it resolved. */
const outcome = (pending: Promise<string>) =>
  pending.then(
    (text) => `ok:${text.length > 0}`,
    (error: SoulRequestError) => error.kind,
  );

describe('createSender', () => {
  let server: FaultServer;
  let dispatcher: Dispatcher;
  let clock: ManualClock;
  let sender: Sender;

  const start = (dispatch: Dispatcher) => {
    dispatcher = dispatch;
    sender = createSender({
      dispatcher,
      origin: server.url,
      timeoutMs: 1000,
      maxResponseBytes: 4096,
      clock,
    });
  };
  const send = (fault: string, signal?: AbortSignal) =>
    sender.send({ path: '/v1/evaluate', method: 'POST', headers, body: body(fault), signal });

  beforeEach(async () => {
    server = await startFaultServer();
    clock = createManualClock();
  });
  afterEach(async () => {
    await dispatcher.destroy();
    await server.close();
  });

  it('enforces every deadline with one timer, oldest first, and leaves none behind', async () => {
    start(new Pool(server.url, { connections: 4 }));
    const received = server.nextRequest();
    const first = outcome(send('stall'));
    await received;
    clock.set(400);
    const secondReceived = server.nextRequest();
    const second = outcome(send('stall'));
    await secondReceived;
    expect(clock.pending()).toBe(1);

    await clock.advance(600); // t = 1000: only the first is due
    expect(await first).toBe('timeout');
    let secondDone = false;
    void second.then(() => {
      secondDone = true;
    });
    await clock.advance(399); // t = 1399
    expect(secondDone).toBe(false);
    await clock.advance(1); // t = 1400
    expect(await second).toBe('timeout');

    expect(await outcome(send('ok'))).toBe('ok:true');
    expect(clock.pending()).toBe(0);
  });

  it('adds one abort listener per signal and aborts everything in flight with it', async () => {
    start(new Pool(server.url, { connections: 8 }));
    const controller = new AbortController();
    const sends = Array.from({ length: 20 }, () => outcome(send('stall', controller.signal)));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    expect(await Promise.all(sends)).toEqual(Array(20).fill('aborted'));
    expect(await outcome(send('stall', controller.signal))).toBe('aborted');
    expect(clock.pending()).toBe(0);
  });

  it('never sends a request whose deadline passed while it waited for a connection', async () => {
    start(new Client(server.url, { pipelining: 1 }));
    const received = server.nextRequest();
    const stalled = outcome(send('stall'));
    const queued = outcome(send('ok'));
    await received;
    await clock.advance(1000);
    expect(await stalled).toBe('timeout');
    expect(await queued).toBe('timeout');
    expect(await outcome(send('ok'))).toBe('ok:true');
    // The stalled request and the last one reached the server; the queued one never did.
    expect(server.authorizations).toHaveLength(2);
  });

  it('a dispatcher that throws instead of reporting fails the request, leaving no timer', async () => {
    start(new Client(server.url));
    const throwing = Object.create(dispatcher) as Dispatcher;
    throwing.dispatch = () => {
      throw new Error('dispatcher is broken');
    };
    const broken = createSender({
      dispatcher: throwing,
      origin: server.url,
      timeoutMs: 1000,
      maxResponseBytes: 4096,
      clock,
    });
    const failed = broken.send({ path: '/v1/evaluate', method: 'GET', headers });
    await expect(failed).rejects.toMatchObject({ kind: 'exception' });
    expect(clock.pending()).toBe(0);
  });

  it('reads a non-2xx answer to its end and reuses the connection', async () => {
    start(new Client(server.url, { pipelining: 1 }));
    expect(await outcome(send('status_503'))).toBe('http_status');
    expect(await outcome(send('status_500'))).toBe('http_status');
    expect(await outcome(send('ok'))).toBe('ok:true');
    expect(server.connections()).toBe(1);
  });
});
