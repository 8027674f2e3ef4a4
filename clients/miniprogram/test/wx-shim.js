'use strict';
// A stand-in for the mini-program's `wx` that does what WeChat Cloud Run does, for real: callContainer
// is an HTTP request to the API and connectContainer a WebSocket to it (npm `ws`), each with the
// gateway's identity headers added (X-WX-SOURCE, X-WX-OPENID, X-WX-APPID), as the gateway adds them.
const WebSocket = require('ws');

/**
 * baseUrl: the API (http://127.0.0.1:port). openid/appid: the user. socketIdentity: false leaves
 * identity off the upgrade (iOS high-performance mode). baseUrlFor(kind): which replica a call goes to.
 */
function createWx({ baseUrl, openid, appid = 'wx-node-tests', socketIdentity = true, baseUrlFor }) {
  const sockets = [];
  const calls = [];
  const gateway = () => ({ 'X-WX-SOURCE': 'wx_client', 'X-WX-OPENID': openid, 'X-WX-APPID': appid, 'X-WX-ENV': 'node-tests' });
  const urlFor = (kind) => (baseUrlFor ? baseUrlFor(kind) : baseUrl);

  async function callContainer({ path, method = 'GET', header = {}, data, timeout = 15000 }) {
    if (!header['X-WX-SERVICE']) throw { errCode: -501000, errMsg: 'cloud.callContainer:fail missing X-WX-SERVICE' };
    calls.push({ method, path });
    const headers = Object.assign({}, header);
    delete headers['X-WX-SERVICE'];
    Object.assign(headers, gateway()); // the gateway's headers win over any a client sends
    let response;
    try {
      response = await fetch(urlFor('http') + path, {
        method,
        headers,
        body: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
        signal: AbortSignal.timeout(timeout),
      });
    } catch (e) {
      throw { errCode: -1, errMsg: `cloud.callContainer:fail ${e.message}` };
    }
    const text = await response.text();
    let body = text;
    if ((response.headers.get('content-type') || '').includes('json') && text) body = JSON.parse(text);
    return { statusCode: response.status, data: body, header: Object.fromEntries(response.headers) };
  }

  async function connectContainer({ service, path = '/ws' }) {
    if (!service) throw { errCode: -501000, errMsg: 'cloud.connectContainer:fail missing service' };
    const ws = new WebSocket(urlFor('ws').replace(/^http/, 'ws') + path, { headers: socketIdentity ? gateway() : {} });
    const task = {
      ws,
      onOpen: (cb) => ws.on('open', () => cb({})),
      onMessage: (cb) => ws.on('message', (data, isBinary) => cb({ data: isBinary ? data : data.toString() })),
      onClose: (cb) => ws.on('close', (code, reason) => cb({ code, reason: reason.toString() })),
      onError: (cb) => ws.on('error', (e) => cb({ errMsg: e.message })),
      send: ({ data }) => ws.send(data),
      close: ({ code = 1000, reason = '' } = {}) => ws.close(code, reason),
    };
    ws.on('error', () => {}); // reported through onError; never an unhandled 'error' event
    sockets.push(task);
    return { socketTask: task };
  }

  const cloud = {
    init() {},
    callContainer,
    connectContainer,
    Cloud: class {
      async init() {}
      callContainer(o) { return callContainer(o); }
      connectContainer(o) { return connectContainer(o); }
    },
  };
  return {
    cloud,
    sockets,
    calls,
    /** Cuts every socket at once, as a network drop does (no close handshake). */
    dropSockets() { for (const task of sockets) task.ws.terminate(); },
  };
}

module.exports = { createWx };
