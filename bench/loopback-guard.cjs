// Preloaded into third-party load tools (`node --require`): refuses every network connection
// that is not to this machine's loopback, so nothing the bench runs can leave the machine
// (Artillery starts a telemetry client even when telemetry is disabled).
'use strict';
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');

const allowedHosts = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

function refuse(what, host) {
  const shown = String(host)
    .replace(/[^\w.:-]/g, '?')
    .slice(0, 80);
  process.stderr.write(`loopback-guard: refused ${what} to ${shown}\n`);
  const error = new Error(`loopback-guard: ${what} to ${shown} refused (loopback only)`);
  error.code = 'ELOOPBACKONLY';
  throw error;
}

/** The options object of any form of socket.connect(...) arguments. */
function connectOptions(args) {
  const first = args[0];
  if (Array.isArray(first)) return first[0] ?? {};
  if (first !== null && typeof first === 'object') return first;
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { path: first };
  return { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const options = connectOptions(args);
  // A Unix socket path is local by construction.
  if (options.path === undefined) {
    const host = options.host ?? 'localhost';
    if (!allowedHosts.has(host)) refuse('connection', host);
  }
  return originalConnect.apply(this, args);
};

const originalLookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (!allowedHosts.has(hostname)) refuse('DNS lookup', hostname);
  return originalLookup.call(this, hostname, ...rest);
};
const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromiseLookup(hostname, ...rest) {
  if (!allowedHosts.has(hostname)) refuse('DNS lookup', hostname);
  return originalPromiseLookup.call(this, hostname, ...rest);
};

const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function guardedSend(...args) {
  const host = args.find((a, i) => i > 0 && typeof a === 'string');
  if (!allowedHosts.has(host ?? 'localhost')) refuse('UDP datagram', host);
  return originalSend.apply(this, args);
};
