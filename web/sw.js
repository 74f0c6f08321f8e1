// The service worker: shows what the notifications function pushes, and opens the family page when a
// notification is clicked. No caching: every page still comes from the network.
// Payload (JSON): {title, body, url, updateId, kind}.

const FALLBACK_URL = '/family.html';
const ICON = '/icons/icon-192.png';
const BADGE = '/icons/badge-96.png';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

/** Only a page of this site may be opened from a notification. */
function sameOriginUrl(url) {
  try {
    const parsed = new URL(url || FALLBACK_URL, self.location.origin);
    return parsed.origin === self.location.origin ? parsed.href : new URL(FALLBACK_URL, self.location.origin).href;
  } catch {
    return new URL(FALLBACK_URL, self.location.origin).href;
  }
}

function readPayload(data) {
  if (!data) return {};
  try {
    const json = data.json();
    return json && typeof json === 'object' ? json : {};
  } catch {
    return { body: data.text() };
  }
}

self.addEventListener('push', (event) => {
  const message = readPayload(event.data);
  const title = typeof message.title === 'string' && message.title.trim() ? message.title : 'What Matters';
  const options = {
    body: typeof message.body === 'string' ? message.body : '',
    icon: ICON,
    badge: BADGE,
    lang: 'en-GB',
    data: { url: sameOriginUrl(message.url), kind: message.kind ?? null },
  };
  // The same update pushed twice (a retry) replaces the first rather than showing two.
  if (message.updateId) options.tag = String(message.updateId);
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = sameOriginUrl(event.notification.data?.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const family = windows.find((client) => new URL(client.url).pathname === new URL(url).pathname);
      if (family) {
        // the open page switches to the person the update is about (family.js listens)
        family.postMessage({ type: 'wm:open', url });
        return family.focus();
      }
      return self.clients.openWindow(url);
    })(),
  );
});
