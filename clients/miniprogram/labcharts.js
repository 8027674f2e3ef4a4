'use strict';
/**
 * LabCharts for WeChat mini-programs: submit experiments, read results, watch jobs live.
 * CommonJS, no build step; base library ≥ 2.23 (wx.cloud.callContainer and wx.cloud.connectContainer).
 *
 *   const labcharts = require('./labcharts');
 *   const client = labcharts.init({ env: 'prod-xxxx', service: 'labcharts' });
 *   const job = await client.submit(request, { wait: 10 });
 *   const stop = client.watch(job.id, (job) => { ... });   // stop() ends watching
 *
 * The protocol and the API: docs/push.md and docs/api.md of the LabCharts repository.
 */

/** The gateway's limit on a callContainer body. */
const MAX_BODY_BYTES = 100 * 1024;
const FINAL = new Set(['succeeded', 'failed']);

/** Messages the client itself gives (the service's own problems carry their Chinese message). */
const MESSAGES = {
  body_too_large: '提交的数据超过 100 KiB，请减少数据点或拆分后再提交。',
  network_error: '网络异常，请检查网络后重试。',
  init_failed: '云开发环境初始化失败，请稍后重试。',
  bad_response: '服务返回了无法识别的内容，请稍后重试。',
  invalid_argument: '调用参数有误。',
};

/** A problem from the service (its stable `code` and Chinese `message`) or from the client. */
class LabChartsError extends Error {
  constructor(code, message, details = {}) {
    super(message || MESSAGES[code] || code);
    this.name = 'LabChartsError';
    this.code = code;
    this.status = details.status;
    this.field = details.field;
    this.problem = details.problem;
  }
}

const sleep = (ms, timers) => new Promise((resolve) => timers.setTimeout(resolve, ms));

/** UTF-8 length of a string, without TextEncoder (absent from older base libraries). */
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** Transient failures worth another try: the platform's init and network errors, and 503 "busy". */
function isTransient(error) {
  if (error instanceof LabChartsError) return error.code === 'network_error' || error.code === 'init_failed' || error.status === 503;
  return true;
}

/**
 * Creates a client. Options: env (the Cloud Run environment id), service (the X-WX-SERVICE name),
 * resourceAppid/resourceEnv (a shared environment: wx.cloud.Cloud), retries (3), timeout (15000 ms),
 * pollMs (2000, when the socket is unavailable), wx (defaults to the global), timers (setTimeout & co.).
 */
function init(options = {}) {
  const wxApi = options.wx || (typeof wx !== 'undefined' ? wx : undefined); // eslint-disable-line no-undef
  if (!wxApi || !wxApi.cloud) throw new LabChartsError('invalid_argument', '需要 wx.cloud（基础库 ≥ 2.23）。');
  if (!options.env || !options.service) throw new LabChartsError('invalid_argument', 'init 需要 env 与 service。');
  const timers = options.timers || { setTimeout, clearTimeout, setInterval, clearInterval };
  const retries = options.retries ?? 3;
  const timeout = options.timeout ?? 15000;
  const pollMs = options.pollMs ?? 2000;

  let cloud = null;
  async function cloudApi() {
    if (cloud) return cloud;
    try {
      if (options.resourceAppid) {
        const shared = new wxApi.cloud.Cloud({ resourceAppid: options.resourceAppid, resourceEnv: options.resourceEnv || options.env });
        await shared.init();
        cloud = shared;
      } else {
        wxApi.cloud.init({ env: options.env });
        cloud = wxApi.cloud;
      }
      return cloud;
    } catch (e) {
      throw new LabChartsError('init_failed', MESSAGES.init_failed, { problem: e });
    }
  }

  async function callOnce(method, path, data) {
    const api = await cloudApi();
    let response;
    try {
      response = await api.callContainer({
        config: { env: options.env },
        path,
        method,
        header: { 'X-WX-SERVICE': options.service, 'content-type': 'application/json', 'Accept-Language': 'zh-CN' },
        data,
        timeout,
      });
    } catch (e) {
      throw new LabChartsError('network_error', MESSAGES.network_error, { problem: e });
    }
    let body = response.data;
    if (typeof body === 'string' && body.length > 0) {
      try { body = JSON.parse(body); } catch (e) { /* a plain-text body stays a string */ }
    }
    if (response.statusCode >= 400) {
      const problem = body && typeof body === 'object' ? body : {};
      throw new LabChartsError(problem.code || `http_${response.statusCode}`, problem.message || MESSAGES.bad_response,
        { status: response.statusCode, field: problem.field, problem });
    }
    return { status: response.statusCode, body };
  }

  /** A call with retries of transient failures (1 s, 2 s, 4 s …); `safe` = may be repeated (reads). */
  async function call(method, path, data, safe) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await callOnce(method, path, data);
      } catch (error) {
        // A submission is retried only when it surely was not accepted: init failed, or 503 (not queued).
        const retryable = safe ? isTransient(error) : error.code === 'init_failed' || error.status === 503;
        if (!retryable || attempt >= retries) throw error;
        if (error.code === 'init_failed') cloud = null;
        await sleep(1000 * 2 ** attempt, timers);
      }
    }
  }

  /** The experiment catalogue (GET /api/experiments). */
  async function experiments() {
    return (await call('GET', '/api/experiments', undefined, true)).body;
  }

  /**
   * Submits a job. `wait` (0–10 s) answers with the finished job when it completes in time, else with
   * { id, status: 'queued', statusUrl }. The 100 KiB body limit is checked before anything is sent.
   */
  async function submit(request, { wait = 0 } = {}) {
    if (!request || typeof request !== 'object') throw new LabChartsError('invalid_argument', '请求须为对象。');
    const text = JSON.stringify(request);
    if (utf8Length(text) > MAX_BODY_BYTES) throw new LabChartsError('body_too_large', MESSAGES.body_too_large);
    const query = wait > 0 ? `?wait=${Math.min(10, wait)}` : '';
    return (await call('POST', `/api/jobs${query}`, text, false)).body;
  }

  /** One job (fresh signed chart URLs). */
  async function job(id) {
    return (await call('GET', `/api/jobs/${encodeURIComponent(id)}`, undefined, true)).body;
  }

  /** The caller's jobs, newest first: { items, page, pageSize, total }. */
  async function jobs({ page = 1, pageSize = 20 } = {}) {
    return (await call('GET', `/api/jobs?page=${page}&pageSize=${pageSize}`, undefined, true)).body;
  }

  // ---- live updates: one socket per client, shared by every watch ----
  const watchers = new Map(); // job id → Set of callbacks
  const lastSeen = new Map(); // job id → "status@updatedAt" already delivered
  const unclaimed = new Map(); // job id → messages that came before anyone watched it (a job just submitted)
  let keepOpen = false; // connect() was called: the socket stays up without watchers
  let socket = null;
  let connecting = false;
  let reconnectDelay = 1000;
  let reconnectTimer = null;
  let pollTimer = null;
  let idleTimer = null;
  let heartbeatMs = 25000;
  let generation = 0;
  let polling = false;
  const wanted = () => watchers.size > 0 || keepOpen;

  function deliver(message) {
    const callbacks = watchers.get(message.id);
    if (!callbacks) {
      // Kept a little while: watch() right after submit() replays what the socket already brought.
      if (!unclaimed.has(message.id)) {
        if (unclaimed.size >= 100) unclaimed.delete(unclaimed.keys().next().value);
        unclaimed.set(message.id, []);
      }
      const early = unclaimed.get(message.id);
      if (early.length < 10) early.push(message);
      return;
    }
    // The same state again, or one older than what was delivered (a poll or a watch answer crossing
    // an event), is not delivered.
    const at = Date.parse(message.updatedAt) || 0;
    const key = `${message.status}@${message.renderVersion ?? ''}`;
    const last = lastSeen.get(message.id);
    if (last && (at < last.at || (at === last.at && key === last.key))) return;
    lastSeen.set(message.id, { at, key });
    const jobState = Object.assign({}, message);
    delete jobState.type;
    for (const callback of [...callbacks]) {
      try { callback(jobState); } catch (e) { /* a page's callback must not break the others */ }
    }
    if (FINAL.has(message.status)) {
      for (const callback of [...callbacks]) if (callback.untilFinal) callbacks.delete(callback);
      if (callbacks.size === 0) forget(message.id);
    }
  }

  function forget(id) {
    watchers.delete(id);
    lastSeen.delete(id);
    if (watchers.size === 0 && !keepOpen) shutdown();
  }

  function shutdown() {
    generation++; // a connect still on its way finds it is no longer wanted
    timers.clearTimeout(reconnectTimer); reconnectTimer = null;
    stopPolling();
    timers.clearTimeout(idleTimer);
    if (socket) { const s = socket; socket = null; try { s.close({ code: 1000, reason: 'done' }); } catch (e) { /* gone */ } }
  }

  function sendWatch() {
    if (socket && socket.ready && watchers.size > 0) socket.send({ data: JSON.stringify({ type: 'watch', ids: [...watchers.keys()] }) });
  }

  function armIdleTimer() {
    timers.clearTimeout(idleTimer);
    // Two missed heartbeats: the socket is dead even if no close came; start over.
    idleTimer = timers.setTimeout(() => { if (socket) dropped(socket); }, heartbeatMs * 2 + 5000);
  }

  function startPolling() {
    if (pollTimer || watchers.size === 0) return;
    const poll = async () => {
      if (polling) return; // the previous round is still on its way
      polling = true;
      try {
        for (const id of [...watchers.keys()]) {
          try { deliver(Object.assign({ type: 'job' }, await job(id))); } catch (e) { /* next round */ }
        }
      } finally {
        polling = false;
      }
    };
    pollTimer = timers.setInterval(poll, pollMs);
    poll();
  }

  function stopPolling() {
    if (pollTimer) { timers.clearInterval(pollTimer); pollTimer = null; }
  }

  function dropped(task, code) {
    if (socket !== task) return;
    socket = null;
    timers.clearTimeout(idleTimer);
    // A socket given up on (no heartbeat, an error) may still be open at the server: close it, so
    // it does not count against this user's connections.
    try { task.close({ code: 1000, reason: 'reconnecting' }); } catch (e) { /* already closed */ }
    if (!wanted()) return;
    startPolling(); // nothing is missed while the socket is away
    // Refused (4401 ticket, 4429 too many connections): no use trying again at once.
    if (code === 4401 || code === 4429) reconnectDelay = Math.max(reconnectDelay, 15000);
    timers.clearTimeout(reconnectTimer);
    const jitter = Math.floor(Math.random() * 250);
    reconnectTimer = timers.setTimeout(openSocket, reconnectDelay + jitter);
    reconnectDelay = Math.min(30000, reconnectDelay * 2);
  }

  async function openSocket() {
    if (socket || connecting || !wanted()) return;
    connecting = true;
    const mine = generation;
    let task = null;
    try {
      const api = await cloudApi();
      if (typeof api.connectContainer !== 'function') { startPolling(); return; }
      // A ticket makes the socket work where the gateway sends no identity on the upgrade.
      const { body: ticket } = await call('POST', '/api/push/ticket', undefined, true);
      if (mine !== generation || !wanted()) return; // close() came meanwhile
      const opened = await api.connectContainer({ config: { env: options.env }, service: options.service, path: ticket.socketPath || '/ws' });
      task = opened.socketTask;
      if (mine !== generation || !wanted()) {
        try { task.close({ code: 1000, reason: 'not needed' }); } catch (e) { /* gone */ }
        return;
      }
      socket = task;
      task.onOpen(() => task.send({ data: JSON.stringify({ type: 'auth', ticket: ticket.ticket }) }));
      task.onMessage(({ data }) => {
        if (socket !== task) return;
        let message;
        try { message = JSON.parse(typeof data === 'string' ? data : ''); } catch (e) { return; }
        armIdleTimer();
        switch (message.type) {
          case 'ready':
            heartbeatMs = (message.heartbeatSeconds || 25) * 1000;
            task.ready = true;
            reconnectDelay = 1000;
            stopPolling();
            sendWatch(); // the state now of every watched job: nothing missed while away
            break;
          case 'resync':
            sendWatch();
            break;
          case 'job':
            deliver(message);
            break;
          default:
            break; // heartbeat, pong, error
        }
      });
      task.onClose(({ code } = {}) => dropped(task, code));
      task.onError(() => dropped(task));
    } catch (e) {
      if (task && socket === task) dropped(task);
      else if (mine === generation) retryLater();
    } finally {
      connecting = false;
    }
  }

  function retryLater() {
    if (watchers.size === 0 && !keepOpen) return;
    startPolling();
    timers.clearTimeout(reconnectTimer);
    reconnectTimer = timers.setTimeout(openSocket, reconnectDelay);
    reconnectDelay = Math.min(30000, reconnectDelay * 2);
  }

  /**
   * Calls onUpdate(job) with the job's state now and on every change (running, succeeded with the
   * result and chart URLs, failed with the problem). Over the socket when it can, polling when it cannot;
   * reconnects with backoff and loses no transition. Stops after the final state unless
   * { untilFinal: false }. Returns a function that stops watching.
   */
  function watch(id, onUpdate, { untilFinal = true } = {}) {
    if (typeof id !== 'string' || typeof onUpdate !== 'function') throw new LabChartsError('invalid_argument', 'watch(jobId, onUpdate)。');
    const callback = (state) => onUpdate(state);
    callback.untilFinal = untilFinal;
    if (!watchers.has(id)) watchers.set(id, new Set());
    watchers.get(id).add(callback);
    const early = unclaimed.get(id);
    unclaimed.delete(id);
    if (early) for (const message of early) deliver(message);
    if (!watchers.has(id)) return () => {}; // it ended before watch() was called, and the callback has had it
    if (socket && socket.ready) sendWatch();
    else openSocket();
    return () => {
      const callbacks = watchers.get(id);
      if (callbacks) { callbacks.delete(callback); if (callbacks.size === 0) forget(id); }
    };
  }

  /**
   * Opens the live channel ahead of time (e.g. when the page loads) and keeps it open until close():
   * a job submitted then is watched from its first transition (queued, running, …).
   * Resolves once the socket is authenticated, or after `timeoutMs` (then watch() polls meanwhile).
   */
  function connect({ timeoutMs = 5000 } = {}) {
    keepOpen = true;
    openSocket();
    return new Promise((resolve) => {
      const started = Date.now();
      const check = () => {
        if ((socket && socket.ready) || Date.now() - started > timeoutMs) resolve(Boolean(socket && socket.ready));
        else timers.setTimeout(check, 20);
      };
      check();
    });
  }

  /** Ends every watch and closes the socket. */
  function close() {
    keepOpen = false;
    watchers.clear();
    lastSeen.clear();
    unclaimed.clear();
    shutdown();
  }

  return { experiments, submit, job, jobs, watch, connect, close };
}

module.exports = { init, LabChartsError, MAX_BODY_BYTES, utf8Length };
