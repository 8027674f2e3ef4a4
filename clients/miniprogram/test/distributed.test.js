'use strict';
// The client and the live channel in the production shape: two API replicas and a separate worker
// over RabbitMQ and s3rver (started by ./test.sh). The socket is held by replica A, every HTTP call
// goes to replica B, and the worker is a third process: events cross processes through RabbitMQ.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { distributed, serversAvailable } = require('./servers');
const { pendulum, clientFor, watchToEnd, delay } = require('./helpers');

const missing = !serversAvailable();
if (missing && process.env.CI === 'true') {
  throw new Error('LABCHARTS_TEST_RABBITMQ_URI and LABCHARTS_TEST_S3_ENDPOINT are not set: run through ./test.sh');
}

let system;
before(async () => { if (!missing) system = await distributed({ replicas: 2 }); });
after(async () => { if (system) await system.stop(); });

const split = () => {
  const [a, b] = system.apis;
  return (kind) => (kind === 'ws' ? a.url : b.url);
};

test('queued while no worker runs; the socket is dropped; a worker starts; the client reconnects and ends succeeded', { skip: missing && 'servers not running (use ./test.sh)' }, async () => {
  const { client, wx } = clientFor({ baseUrlFor: split() });
  try {
    assert.equal(await client.connect(), true);
    const accepted = await client.submit(pendulum());
    const ended = watchToEnd(client, accepted.id, 60000);
    // The job cannot run yet: no worker. Drop the socket mid-job, then let the worker start.
    await delay(500);
    assert.equal((await client.job(accepted.id)).status, 'queued');
    wx.dropSockets();
    system.startWorker();
    const seen = await ended;
    assert.equal(seen.at(-1).status, 'succeeded');
    assert.ok(wx.sockets.length >= 2, `reconnected (${wx.sockets.length} sockets opened)`);
  } finally {
    client.close();
  }
});

test('socket on replica A, submit through replica B, separate worker: running then succeeded with a downloadable chart', { skip: missing && 'servers not running (use ./test.sh)' }, async () => {
  system.ensureWorker();
  const { client } = clientFor({ baseUrlFor: split() });
  try {
    assert.equal(await client.connect(), true);
    const accepted = await client.submit(pendulum());
    const seen = await watchToEnd(client, accepted.id, 60000);
    const statuses = seen.map((job) => job.status);
    assert.ok(statuses.includes('running'), `running was seen: ${statuses}`);
    assert.equal(statuses.at(-1), 'succeeded');
    const chart = seen.at(-1).artifacts.find((a) => a.format === 'png');
    assert.match(chart.url, /^http:\/\/127\.0\.0\.1:\d+\/labcharts\/jobs\//, 'a presigned S3 URL');
    const download = await fetch(chart.url);
    assert.equal(download.status, 200);
    assert.equal(Buffer.from(await download.arrayBuffer()).subarray(1, 4).toString(), 'PNG');
  } finally {
    client.close();
  }
});
