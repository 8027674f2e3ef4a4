'use strict';
// The client and the live channel against the embedded API (one process, local folder, in-process queue).
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { embedded } = require('./servers');
const { pendulum, clientFor, watchToEnd, rawSocket, delay } = require('./helpers');
const { LabChartsError, MAX_BODY_BYTES } = require('../labcharts');

let system;
let url;
before(async () => { system = await embedded(); url = system.apis[0].url; });
after(async () => { if (system) await system.stop(); });

test('submit, then watch over the WebSocket: queued → running → succeeded, with a chart that downloads', async () => {
  const { client } = clientFor({ baseUrl: url });
  try {
    assert.equal(await client.connect(), true, 'the socket is up before the submit');
    const accepted = await client.submit(pendulum());
    assert.equal(accepted.status, 'queued');
    const seen = await watchToEnd(client, accepted.id);
    const statuses = seen.map((job) => job.status);
    assert.ok(statuses.includes('running'), `running was seen: ${statuses}`);
    assert.equal(statuses.at(-1), 'succeeded');
    assert.ok(statuses.indexOf('running') < statuses.indexOf('succeeded'));
    const done = seen.at(-1);
    assert.equal(done.event, 'succeeded');
    assert.ok(done.result.quantities.some((q) => q.formatted && q.formatted.includes('m/s')), JSON.stringify(done.result.quantities));
    const chart = done.artifacts.find((a) => a.format === 'png');
    const download = await fetch(chart.url);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await download.arrayBuffer());
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  } finally {
    client.close();
  }
});

test('watch after the job ended gives its final state at once; submit with wait gives the finished job', async () => {
  const { client } = clientFor({ baseUrl: url });
  try {
    const finished = await client.submit(pendulum(), { wait: 10 });
    assert.equal(finished.status, 'succeeded');
    const seen = await watchToEnd(client, finished.id);
    assert.deepEqual(seen.map((job) => job.status), ['succeeded']);
    assert.equal(seen[0].id, finished.id);
    assert.equal((await client.job(finished.id)).status, 'succeeded');
    const page = await client.jobs();
    assert.equal(page.items[0].id, finished.id);
  } finally {
    client.close();
  }
});

test('a socket dropped mid-job: the client reconnects, watches again, and ends with the final state', async () => {
  const { client, wx } = clientFor({ baseUrl: url });
  try {
    await client.connect();
    const accepted = await client.submit(pendulum());
    const ended = watchToEnd(client, accepted.id);
    wx.dropSockets(); // at once: the job is queued or running
    const seen = await ended;
    assert.equal(seen.at(-1).status, 'succeeded');
    assert.ok(seen.at(-1).artifacts.length > 0);
  } finally {
    client.close();
  }
});

test('a socket without gateway identity works with a ticket (the client always sends one)', async () => {
  const { client } = clientFor({ baseUrl: url, socketIdentity: false });
  try {
    assert.equal(await client.connect(), true);
    const accepted = await client.submit(pendulum());
    const seen = await watchToEnd(client, accepted.id);
    assert.equal(seen.at(-1).status, 'succeeded');
  } finally {
    client.close();
  }
});

test("another user's socket never receives my job's events, and cannot watch my job", async () => {
  const me = clientFor({ baseUrl: url });
  const other = rawSocket(url, `node-other-${Date.now()}`);
  const mine = rawSocket(url, me.openid);
  try {
    await Promise.all([other.opened, mine.opened]);
    await other.until((m) => m.type === 'ready');
    await mine.until((m) => m.type === 'ready');
    const accepted = await me.client.submit(pendulum(), { wait: 10 });
    await mine.until((m) => m.type === 'job' && m.id === accepted.id && m.status === 'succeeded');
    other.ws.send(JSON.stringify({ type: 'watch', ids: [accepted.id] }));
    const refused = await other.until((m) => m.type === 'error' && m.id === accepted.id);
    assert.equal(refused.code, 'job_not_found');
    await delay(300);
    assert.equal(other.messages.filter((m) => m.type === 'job').length, 0, JSON.stringify(other.messages));
  } finally {
    other.ws.close();
    mine.ws.close();
    me.client.close();
  }
});

test('an unauthenticated socket is closed with 4401: no identity and no ticket, or a forged ticket', async () => {
  const silent = rawSocket(url, null);
  await silent.opened;
  const started = Date.now();
  const closed = await silent.closed;
  assert.equal(closed.code, 4401);
  assert.equal(closed.reason, 'unauthenticated');
  assert.ok(Date.now() - started < 5000);

  const forged = rawSocket(url, null);
  await forged.opened;
  forged.ws.send(JSON.stringify({ type: 'auth', ticket: 'u0123456789abcdef0123456789abcdef.99999999999.AAAA' }));
  assert.equal((await forged.closed).code, 4401);
  assert.equal(forged.messages.length, 0);
});

test('more sockets than a user may hold: the extra one is closed with 4429, the others keep working', async () => {
  const openid = `node-many-${Date.now()}`;
  const sockets = [];
  try {
    for (let i = 0; i < 4; i++) {
      const s = rawSocket(url, openid);
      sockets.push(s);
      await s.opened;
      await s.until((m) => m.type === 'ready');
    }
    const extra = rawSocket(url, openid);
    assert.equal((await extra.closed).code, 4429);
    sockets[0].ws.send(JSON.stringify({ type: 'ping' }));
    await sockets[0].until((m) => m.type === 'pong');
  } finally {
    sockets.forEach((s) => s.ws.close());
  }
});

test('bad messages get an error and the socket stays open; binary frames and huge messages close it', async () => {
  const openid = `node-bad-${Date.now()}`;
  const s = rawSocket(url, openid);
  await s.opened;
  await s.until((m) => m.type === 'ready');
  s.ws.send('not json');
  assert.equal((await s.until((m) => m.type === 'error')).code, 'malformed_message');
  s.ws.send(JSON.stringify({ type: 'subscribe' }));
  await s.until((m) => m.type === 'error' && m.code === 'unknown_message');
  s.ws.send(JSON.stringify({ type: 'watch', ids: 'all' }));
  await s.until((m) => m.type === 'error' && m.code === 'invalid_value');
  s.ws.send(JSON.stringify({ type: 'watch', ids: ['../../etc/passwd', null] }));
  await s.until((m) => m.type === 'error' && m.code === 'invalid_value' && m !== s.messages.find((x) => x.code === 'invalid_value'));
  s.ws.send(JSON.stringify({ type: 'watch', ids: ['../../etc/passwd'] }));
  assert.equal((await s.until((m) => m.code === 'job_not_found')).id, '../../etc/passwd');
  s.ws.send(JSON.stringify({ type: 'ping' }));
  await s.until((m) => m.type === 'pong');
  s.ws.send('x'.repeat(64 * 1024));
  assert.equal((await s.closed).code, 1009);

  const b = rawSocket(url, openid);
  await b.opened;
  await b.until((m) => m.type === 'ready');
  b.ws.send(Buffer.from([1, 2, 3]));
  assert.equal((await b.closed).code, 1003);
});

test('a plain GET /ws answers 200 at once (the platform probes the path)', async () => {
  const response = await fetch(`${url}/ws`);
  assert.equal(response.status, 200);
});

test('Server-Sent Events: the state now, every transition, and the stream ends with the final state', async () => {
  const { client, openid } = clientFor({ baseUrl: url });
  const accepted = await client.submit(pendulum());
  const response = await fetch(`${url}/api/jobs/${accepted.id}/events`, {
    headers: { 'X-WX-SOURCE': 'wx_client', 'X-WX-OPENID': openid, 'X-WX-APPID': 'wx-node-tests' },
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  const text = await response.text(); // ends when the server ends the stream
  const events = text.split('\n\n').filter((block) => block.includes('data: '))
    .map((block) => ({ event: /event: (\w+)/.exec(block)[1], data: JSON.parse(/data: (.*)/.exec(block)[1]) }));
  assert.ok(events.length >= 1);
  assert.ok(events.every((e) => e.event === 'job' || e.event === 'heartbeat'));
  const last = events.at(-1).data;
  assert.equal(last.id, accepted.id);
  assert.equal(last.status, 'succeeded');
  assert.ok(last.artifacts[0].url.startsWith('http'));

  const stranger = await fetch(`${url}/api/jobs/${accepted.id}/events`, {
    headers: { 'X-WX-SOURCE': 'wx_client', 'X-WX-OPENID': 'someone-else', 'X-WX-APPID': 'wx-node-tests' },
  });
  assert.equal(stranger.status, 404);
  assert.equal((await stranger.json()).code, 'job_not_found');
  const anonymous = await fetch(`${url}/api/jobs/${accepted.id}/events`);
  assert.equal(anonymous.status, 401);
});

test('the client refuses a body over 100 KiB before sending, and maps the service’s problems to its Chinese message', async () => {
  const { client, wx } = clientFor({ baseUrl: url });
  const huge = pendulum();
  huge.title = '长'.repeat(Math.ceil(MAX_BODY_BYTES / 3) + 10);
  const before = wx.calls.length;
  await assert.rejects(client.submit(huge), (e) => e instanceof LabChartsError && e.code === 'body_too_large' && /100 KiB/.test(e.message));
  assert.equal(wx.calls.length, before, 'nothing was sent');

  const bad = pendulum();
  bad.data.L.values = [0.5, 0.6];
  await assert.rejects(client.submit(bad), (e) => {
    assert.equal(e.status, 400);
    assert.match(e.code, /^[a-z_]+$/);
    assert.match(e.message, /[\u4e00-\u9fff]/, `a Chinese message: ${e.message}`);
    return true;
  });
  const catalogue = await client.experiments();
  assert.ok(catalogue.some((experiment) => experiment.id === 'pendulum'));
});

test("the sample page's form, built from the live catalogue, makes a request the service computes", async () => {
  const { fieldsOf, requestOf } = require('../pages/experiment/form');
  const { client } = clientFor({ baseUrl: url });
  const catalogue = await client.experiments();
  const form = fieldsOf(catalogue.find((experiment) => experiment.id === 'pendulum'));
  assert.deepEqual(form.columns.map((c) => c.key), ['L', 'T']);
  form.columns[0].text = '0.50\n0.60\n0.70\n0.80\n0.90';
  form.columns[1].text = '1.419 1.421 1.418\n1.553 1.556 1.554\n1.679 1.677 1.680\n1.794 1.796 1.793\n1.903 1.905 1.902';
  const { request, error } = requestOf(form, { title: '单摆' });
  assert.equal(error, undefined);
  const finished = await client.submit(request, { wait: 10 });
  assert.equal(finished.status, 'succeeded');
  const g = finished.result.quantities.find((q) => q.symbol === 'g');
  assert.ok(Math.abs(g.value - 9.79) < 0.05, `g = ${g.formatted}`);
});
