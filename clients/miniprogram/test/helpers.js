'use strict';
const WebSocket = require('ws');
const { init } = require('../labcharts');
const { createWx } = require('./wx-shim');

const pendulum = () => ({
  experiment: 'pendulum',
  title: '单摆测重力加速度',
  data: {
    L: { values: [0.5, 0.6, 0.7, 0.8, 0.9], unit: 'm', instrumentError: 0.0005 },
    T: { values: [[1.419, 1.421, 1.418], [1.553, 1.556, 1.554], [1.679, 1.677, 1.68], [1.794, 1.796, 1.793], [1.903, 1.905, 1.902]], unit: 's' },
  },
  constants: { g_ref: { value: 9.794, unit: 'm/s^2' } },
  render: { formats: ['png'], width: 1200, height: 900 },
});

let users = 0;
/** A new user's client (and its wx shim) against the given API(s). */
function clientFor(options) {
  const openid = options.openid || `node-${process.pid}-${++users}-${Date.now()}`;
  const wx = createWx(Object.assign({ openid }, options));
  const client = init({ env: 'node-tests', service: 'labcharts', wx, pollMs: 500 });
  return { client, wx, openid };
}

/** Watches a job until its final state; resolves with every state the callback saw. */
function watchToEnd(client, id, timeoutMs = 30000) {
  return new Promise((resolve, reject) => {
    const seen = [];
    const timer = setTimeout(() => { stop(); reject(new Error(`no final state in ${timeoutMs} ms; saw ${JSON.stringify(seen.map((s) => s.status))}`)); }, timeoutMs);
    const stop = client.watch(id, (job) => {
      seen.push(job);
      if (job.status === 'succeeded' || job.status === 'failed') { clearTimeout(timer); resolve(seen); }
    });
  });
}

/** A raw socket to /ws with the gateway headers of `openid` (or none), collecting every message. */
function rawSocket(baseUrl, openid, appid = 'wx-node-tests') {
  const headers = openid ? { 'X-WX-SOURCE': 'wx_client', 'X-WX-OPENID': openid, 'X-WX-APPID': appid } : {};
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/ws', { headers });
  const messages = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  ws.on('error', () => {});
  const opened = new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const until = async (predicate, timeoutMs = 10000) => {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const found = messages.find(predicate);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no such message in ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.type))}`);
  };
  return { ws, messages, opened, closed, until };
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

module.exports = { pendulum, clientFor, watchToEnd, rawSocket, delay };
