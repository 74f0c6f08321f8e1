// The service worker (sw.js: shows pushed notifications, opens the family page on a click) and Web Push
// on this device. Permission is asked for only when the person presses the button, never on load.

import { api, ApiError, seg, newIdempotencyKey } from './api.js';

const SCOPE = '/';
const SUBSCRIPTION_KEY = 'wm.pushSubscription'; // + the user's sub: which of their subscriptions this browser holds

/** What this browser can do: 'ok', or why not ('unsupported', 'insecure'). */
export function pushSupport() {
  if (!window.isSecureContext) return 'insecure';
  if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  return 'ok';
}

/** 'granted', 'denied', 'default', or null when the browser has no notifications. */
export const permission = () => ('Notification' in window ? Notification.permission : null);

/**
 * Registers sw.js for the whole site. Asks for nothing: a worker without permission only waits.
 * Answers the registration, or null when the browser has no service workers or it failed.
 */
export async function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return null;
  try {
    return await navigator.serviceWorker.register('/sw.js', { scope: SCOPE, type: 'classic' });
  } catch (error) {
    console.warn('The service worker could not be registered', error);
    return null;
  }
}

/** A base64url string (the VAPID public key) as the bytes pushManager.subscribe takes. */
export function base64UrlToBytes(text) {
  const base64 = String(text).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const storageKey = (sub) => `${SUBSCRIPTION_KEY}.${sub ?? 'me'}`;

/** The id the API gave this browser's subscription for this user, or null. Not a secret: localStorage. */
export function rememberedSubscription(sub) {
  try {
    return localStorage.getItem(storageKey(sub));
  } catch {
    return null;
  }
}

function remember(sub, subscriptionId) {
  try {
    if (subscriptionId) localStorage.setItem(storageKey(sub), subscriptionId);
    else localStorage.removeItem(storageKey(sub));
  } catch {
    // private browsing without storage: the button simply shows "Get notifications" next time
  }
}

/** Forgets the id when the API no longer has it (the push service said the browser is gone, or it was removed). */
export function forgetUnlessListed(sub, subscriptions) {
  const id = rememberedSubscription(sub);
  if (id && !(subscriptions ?? []).some((s) => s.subscriptionId === id)) remember(sub, null);
}

/** A failure the page explains in words: reason is 'denied', 'dismissed', 'no-worker', 'push-service' or 'api'. */
export class PushProblem extends Error {
  constructor(reason, message, cause) {
    super(message);
    this.name = 'PushProblem';
    this.reason = reason;
    this.cause = cause;
  }
}

function sameKey(subscription, keyBytes) {
  const current = subscription.options?.applicationServerKey;
  if (!current) return true; // cannot tell: keep it
  const a = new Uint8Array(current);
  return a.length === keyBytes.length && a.every((byte, i) => byte === keyBytes[i]);
}

/**
 * On the button press: the worker, the permission, the browser's subscription, then POST /me/push-subscriptions.
 * Answers the DeviceView the API gives back; throws PushProblem.
 */
export async function subscribeThisDevice({ sub, vapidPublicKey }) {
  const registration = (await registerServiceWorker()) && (await navigator.serviceWorker.ready);
  if (!registration) throw new PushProblem('no-worker', 'This browser could not start the part of the page that shows notifications.');

  const answer = await Notification.requestPermission();
  if (answer === 'denied') throw new PushProblem('denied', 'Notifications are blocked for this site.');
  if (answer !== 'granted') throw new PushProblem('dismissed', 'Notifications were not allowed.');

  const key = base64UrlToBytes(vapidPublicKey);
  let subscription;
  try {
    subscription = await registration.pushManager.getSubscription();
    if (subscription && !sameKey(subscription, key)) {
      await subscription.unsubscribe(); // made for another key: the service could not push to it
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (error) {
    throw new PushProblem('push-service', 'This browser’s notification service could not be reached.', error);
  }

  try {
    const { data } = await api('/me/push-subscriptions', {
      method: 'POST',
      body: subscription.toJSON(),
      idempotencyKey: newIdempotencyKey(),
    });
    remember(sub, data?.subscriptionId);
    return data;
  } catch (error) {
    // the service does not know this browser: do not leave a subscription nobody pushes to
    await subscription.unsubscribe().catch(() => {});
    throw new PushProblem('api', error.message, error);
  }
}

/** "Stop notifications on this device": the API forgets it, then the browser's subscription ends. */
export async function unsubscribeThisDevice({ sub }) {
  const id = rememberedSubscription(sub);
  if (id) {
    try {
      await api(`/me/push-subscriptions/${seg(id)}`, { method: 'DELETE', idempotencyKey: newIdempotencyKey() });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw new PushProblem('api', error.message, error);
    }
  }
  remember(sub, null);
  const registration = 'serviceWorker' in navigator ? await navigator.serviceWorker.getRegistration(SCOPE) : null;
  const subscription = await registration?.pushManager?.getSubscription();
  await subscription?.unsubscribe().catch(() => {});
}
