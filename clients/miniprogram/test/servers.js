'use strict';
// Starts real LabCharts processes for the client tests: the API embedded (local folder, in-process
// queue), or API replicas and a worker over the RabbitMQ and s3rver that ./test.sh starts
// (LABCHARTS_TEST_RABBITMQ_URI, LABCHARTS_TEST_S3_ENDPOINT). Uses the Release build ./test.sh makes.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '../../..');
const BUILD = process.env.LABCHARTS_BUILD || 'Release';
const API_DLL = path.join(ROOT, `src/Api/bin/${BUILD}/net10.0/LabCharts.Api.dll`);
const WORKER_DLL = path.join(ROOT, `src/Worker/bin/${BUILD}/net10.0/LabCharts.Worker.dll`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
    server.on('error', reject);
  });
}

function start(dll, env, name) {
  if (!fs.existsSync(dll)) throw new Error(`${dll} is missing: build first (./test.sh builds Release)`);
  const child = spawn('dotnet', [dll], {
    cwd: ROOT,
    env: Object.assign({}, process.env, {
      ASPNETCORE_ENVIRONMENT: 'Production', DOTNET_ENVIRONMENT: 'Production', Logging__LogLevel__Default: 'Warning',
    }, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => { log = (log + chunk.toString()).slice(-20000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    name,
    child,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function startApi(env) {
  const port = await freePort();
  const api = start(API_DLL, Object.assign({ PORT: String(port) }, env), `api:${port}`);
  api.url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (api.child.exitCode !== null) throw new Error(`API exited (${api.child.exitCode}):\n${api.log()}`);
    try {
      const response = await fetch(`${api.url}/healthz/ready`);
      if (response.ok) return api;
    } catch (e) { /* not listening yet */ }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await api.stop();
  throw new Error(`API not ready in 60 s:\n${api.log()}`);
}

const pushSettings = { Push__AuthTimeoutSeconds: '2', Push__MaxConnectionsPerUser: '4', Push__HeartbeatSeconds: '5' };

/** The embedded default: one API process, its own data folder (`env`: more settings). */
async function embedded(env = {}) {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'labcharts-node-'));
  const api = await startApi(Object.assign({
    Storage__Local__Root: dataRoot, Storage__Local__SigningKey: crypto.randomBytes(32).toString('base64'),
  }, pushSettings, env));
  return {
    apis: [api],
    async stop() { await api.stop(); fs.rmSync(dataRoot, { recursive: true, force: true }); },
  };
}

/** Whether the servers for the distributed tests are up (./test.sh starts them). */
function serversAvailable() {
  return Boolean(process.env.LABCHARTS_TEST_RABBITMQ_URI && process.env.LABCHARTS_TEST_S3_ENDPOINT);
}

/**
 * Production-shaped: `replicas` API processes (no embedded worker) sharing a ticket key, and a worker
 * started by startWorker(), over RabbitMQ (queues and events exchange of their own) and s3rver.
 */
async function distributed({ replicas = 2 } = {}) {
  const suffix = crypto.randomBytes(5).toString('hex');
  const env = Object.assign({
    Queue__RabbitMq__Uri: process.env.LABCHARTS_TEST_RABBITMQ_URI,
    Queue__RabbitMq__InteractiveQueue: `node.jobs.${suffix}`,
    Queue__RabbitMq__BatchQueue: `node.batch.${suffix}`,
    Queue__RabbitMq__DeadLetterQueue: `node.dead.${suffix}`,
    Queue__RabbitMq__DeadLetterExchange: `node.dead.${suffix}`,
    Queue__RabbitMq__EventsExchange: `node.events.${suffix}`,
    Storage__S3__Endpoint: process.env.LABCHARTS_TEST_S3_ENDPOINT,
    Storage__S3__Bucket: 'labcharts',
    Storage__S3__AccessKey: 'S3RVER',
    Storage__S3__SecretKey: 'S3RVER',
    Worker__Embedded: 'false',
    Sweeper__Enabled: 'false',
    Push__TicketKey: crypto.randomBytes(32).toString('hex'),
  }, pushSettings);
  const apis = [];
  const workers = [];
  try {
    for (let i = 0; i < replicas; i++) apis.push(await startApi(env));
  } catch (e) {
    await Promise.all(apis.map((api) => api.stop()));
    throw e;
  }
  return {
    apis,
    startWorker() { const worker = start(WORKER_DLL, env, 'worker'); workers.push(worker); return worker; },
    ensureWorker() { return workers[0] || this.startWorker(); },
    async stop() { await Promise.all([...apis, ...workers].map((p) => p.stop())); },
  };
}

module.exports = { embedded, distributed, serversAvailable };
