// Live updates for one client over the WebSocket API, with catch-up from the feed after every
// (re)connect. Each update reaches onUpdate once, whether it came live or from the feed.

import { api, seg } from './api.js';

const PING_EVERY_MS = 5 * 60 * 1000; // API Gateway closes a connection idle for 10 minutes
const MAX_DELAY_MS = 60 * 1000;
const MAX_FEED_PAGES = 50;
const STABLE_AFTER_MS = 10 * 1000; // only a connection that stayed up this long resets the back-off

/**
 * openLiveFeed({wsUrl, clientId, since, getToken, onUpdate, onConnection, onSignInNeeded})
 * onConnection(state, seconds): state is 'connecting' | 'live' | 'reconnecting' | 'offline'.
 * Answers {close()}.
 */
export function openLiveFeed({ wsUrl, clientId, since, getToken, onUpdate, onConnection, onSignInNeeded }) {
  const feed = {
    wsUrl, clientId, getToken, onUpdate, onConnection, onSignInNeeded,
    seen: new Set(), newest: since ?? null, socket: null, attempt: 0, stopped: false,
    pingTimer: null, retryTimer: null, countdownTimer: null,
  };
  feed.listeners = { online: () => online(feed), offline: () => offline(feed) };
  for (const [type, listener] of Object.entries(feed.listeners)) window.addEventListener(type, listener);
  connect(feed);
  return { close: () => close(feed) };
}

// --- updates ---

/** Whether a message is an update for this client not seen yet (not a pong, an acknowledgement or an error). */
function isNewUpdate(feed, message) {
  if (!message || typeof message !== 'object' || feed.stopped) return false;
  if (message.type === 'pong' || message.type === 'subscribed') return false;
  if (message.type === 'error') {
    console.warn('Live updates:', message);
    return false;
  }
  if (!message.id || !message.type) return false;
  if (message.clientId && message.clientId !== feed.clientId) return false;
  return !feed.seen.has(message.id);
}

function accept(feed, message) {
  if (!isNewUpdate(feed, message)) return;
  feed.seen.add(message.id);
  if (message.time && (!feed.newest || Date.parse(message.time) > Date.parse(feed.newest))) feed.newest = message.time;
  try {
    feed.onUpdate(message);
  } catch (error) {
    console.error('Live update not applied', message, error);
  }
}

function updatesPath(clientId, since, cursor) {
  const query = new URLSearchParams();
  if (since) query.set('since', since);
  query.set('limit', '100');
  if (cursor) query.set('cursor', cursor);
  return `/clients/${seg(clientId)}/updates?${query}`;
}

/** Reads the feed from the newest update seen, page by page. */
async function catchUp(feed) {
  const from = feed.newest;
  let cursor = null;
  let pages = 0;
  try {
    do {
      const { data } = await api(updatesPath(feed.clientId, from, cursor));
      if (feed.stopped) return;
      for (const update of data?.updates ?? []) accept(feed, update);
      cursor = data?.nextCursor ?? null;
      pages += 1;
    } while (cursor && pages < MAX_FEED_PAGES);
  } catch (error) {
    // live messages still arrive; the next reconnect catches up again
    console.warn('Catching up on missed updates failed', error);
  }
}

// --- the connection ---

/** Whether to try now; if not, says 'offline' (without a token, asks for sign-in; offline, the 'online' event reconnects). */
function canConnect(feed, token) {
  if (!token) {
    feed.onConnection('offline');
    feed.onSignInNeeded?.();
    return false;
  }
  if (navigator.onLine === false) {
    feed.onConnection('offline');
    return false;
  }
  return true;
}

function socketUrl(wsUrl, token, clientId) {
  const separator = wsUrl.includes('?') ? '&' : '?';
  return `${wsUrl}${separator}token=${encodeURIComponent(token)}&clientId=${encodeURIComponent(clientId)}`;
}

function connect(feed) {
  clearTimers(feed);
  if (feed.stopped) return;
  const token = feed.getToken();
  if (!canConnect(feed, token)) return;
  feed.onConnection('connecting');
  let ws;
  try {
    ws = new WebSocket(socketUrl(feed.wsUrl, token, feed.clientId));
  } catch (error) {
    console.warn('Could not open live updates', error);
    scheduleReconnect(feed);
    return;
  }
  feed.socket = ws;
  listen(feed, ws);
}

/** Wires one socket; its events count only while it is the feed's current socket. */
function listen(feed, ws) {
  let openedAt = null;
  ws.addEventListener('open', () => {
    if (feed.socket !== ws || feed.stopped) return;
    openedAt = Date.now();
    opened(feed, ws);
  });
  ws.addEventListener('message', (event) => {
    if (feed.socket !== ws) return;
    try {
      accept(feed, JSON.parse(event.data));
    } catch {
      // not JSON: nothing for us
    }
  });
  ws.addEventListener('close', () => {
    if (feed.socket === ws) closed(feed, openedAt);
  });
}

function opened(feed, ws) {
  feed.onConnection('live');
  feed.pingTimer = setInterval(() => ping(ws), PING_EVERY_MS);
  catchUp(feed);
}

function ping(ws) {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ action: 'ping' }));
}

function closed(feed, openedAt) {
  feed.socket = null;
  clearInterval(feed.pingTimer);
  if (openedAt && Date.now() - openedAt >= STABLE_AFTER_MS) feed.attempt = 0;
  if (!feed.stopped) scheduleReconnect(feed);
}

// --- reconnecting ---

/** 1 s, 2 s, 4 s … up to a minute, each ±25% so that many pages do not all return at once. */
function backOff(attempt) {
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt);
  return Math.min(MAX_DELAY_MS, Math.round(base * (0.75 + Math.random() * 0.5)));
}

/** Connects again after the back-off, counting the seconds down through onConnection. */
function scheduleReconnect(feed) {
  clearTimers(feed);
  if (feed.stopped || !canConnect(feed, feed.getToken())) return;
  const delay = backOff(feed.attempt);
  feed.attempt += 1;
  const due = Date.now() + delay;
  const tell = () => feed.onConnection('reconnecting', Math.max(1, Math.round((due - Date.now()) / 1000)));
  tell();
  feed.countdownTimer = setInterval(tell, 1000);
  feed.retryTimer = setTimeout(() => connect(feed), delay);
}

function clearTimers(feed) {
  clearTimeout(feed.retryTimer);
  clearInterval(feed.countdownTimer);
  clearInterval(feed.pingTimer);
  feed.retryTimer = feed.countdownTimer = feed.pingTimer = null;
}

function online(feed) {
  if (feed.stopped || feed.socket) return;
  feed.attempt = 0;
  connect(feed);
}

function offline(feed) {
  if (!feed.socket) {
    clearTimers(feed);
    feed.onConnection('offline');
  }
}

function close(feed) {
  feed.stopped = true;
  clearTimers(feed);
  for (const [type, listener] of Object.entries(feed.listeners)) window.removeEventListener(type, listener);
  const ws = feed.socket;
  feed.socket = null;
  if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'page closed');
}

/** The words for the connection indicator. */
export function connectionText(state, seconds) {
  switch (state) {
    case 'live':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return `Reconnecting in ${seconds} s…`;
    default:
      return 'Offline';
  }
}
