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
  const seen = new Set();
  let newest = since ?? null;
  let socket = null;
  let attempt = 0;
  let stopped = false;
  let pingTimer = null;
  let retryTimer = null;
  let countdownTimer = null;

  function accept(message) {
    if (!message || typeof message !== 'object' || stopped) return;
    if (message.type === 'pong' || message.type === 'subscribed') return;
    if (message.type === 'error') {
      console.warn('Live updates:', message);
      return;
    }
    if (!message.id || !message.type) return;
    if (message.clientId && message.clientId !== clientId) return;
    if (seen.has(message.id)) return;
    seen.add(message.id);
    if (message.time && (!newest || Date.parse(message.time) > Date.parse(newest))) newest = message.time;
    try {
      onUpdate(message);
    } catch (error) {
      console.error('Live update not applied', message, error);
    }
  }

  async function catchUp() {
    const from = newest;
    let cursor = null;
    let pages = 0;
    try {
      do {
        const query = new URLSearchParams();
        if (from) query.set('since', from);
        query.set('limit', '100');
        if (cursor) query.set('cursor', cursor);
        const { data } = await api(`/clients/${seg(clientId)}/updates?${query}`);
        if (stopped) return;
        for (const update of data?.updates ?? []) accept(update);
        cursor = data?.nextCursor ?? null;
        pages += 1;
      } while (cursor && pages < MAX_FEED_PAGES);
    } catch (error) {
      // live messages still arrive; the next reconnect catches up again
      console.warn('Catching up on missed updates failed', error);
    }
  }

  function connect() {
    clearTimers();
    if (stopped) return;
    const token = getToken();
    if (!token) {
      onConnection('offline');
      onSignInNeeded?.();
      return;
    }
    if (navigator.onLine === false) {
      onConnection('offline'); // the 'online' event reconnects
      return;
    }
    onConnection('connecting');
    const separator = wsUrl.includes('?') ? '&' : '?';
    const url = `${wsUrl}${separator}token=${encodeURIComponent(token)}&clientId=${encodeURIComponent(clientId)}`;
    let ws;
    try {
      ws = new WebSocket(url);
    } catch (error) {
      console.warn('Could not open live updates', error);
      scheduleReconnect();
      return;
    }
    socket = ws;
    let openedAt = null;
    ws.addEventListener('open', () => {
      if (socket !== ws || stopped) return;
      openedAt = Date.now();
      onConnection('live');
      pingTimer = setInterval(() => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ action: 'ping' }));
      }, PING_EVERY_MS);
      catchUp();
    });
    ws.addEventListener('message', (event) => {
      if (socket !== ws) return;
      try {
        accept(JSON.parse(event.data));
      } catch {
        // not JSON: nothing for us
      }
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      clearInterval(pingTimer);
      if (openedAt && Date.now() - openedAt >= STABLE_AFTER_MS) attempt = 0;
      if (!stopped) scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    clearTimers();
    if (stopped) return;
    if (!getToken()) {
      onConnection('offline');
      onSignInNeeded?.();
      return;
    }
    if (navigator.onLine === false) {
      onConnection('offline');
      return;
    }
    // 1 s, 2 s, 4 s … up to a minute, each ±25% so that many pages do not all return at once
    const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt);
    attempt += 1;
    const delay = Math.min(MAX_DELAY_MS, Math.round(base * (0.75 + Math.random() * 0.5)));
    const due = Date.now() + delay;
    const tell = () => onConnection('reconnecting', Math.max(1, Math.round((due - Date.now()) / 1000)));
    tell();
    countdownTimer = setInterval(tell, 1000);
    retryTimer = setTimeout(connect, delay);
  }

  function clearTimers() {
    clearTimeout(retryTimer);
    clearInterval(countdownTimer);
    clearInterval(pingTimer);
    retryTimer = countdownTimer = pingTimer = null;
  }

  function online() {
    if (stopped || socket) return;
    attempt = 0;
    connect();
  }
  function offline() {
    if (!socket) {
      clearTimers();
      onConnection('offline');
    }
  }
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);

  connect();

  return {
    close() {
      stopped = true;
      clearTimers();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      const ws = socket;
      socket = null;
      if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000, 'page closed');
    },
  };
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
