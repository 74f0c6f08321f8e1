// Sign-in: OAuth 2.0 authorization code with PKCE (S256), as the Cognito hosted UI expects.
// The ID token lives in sessionStorage only: it goes when the tab closes.

import { loadConfig } from './config.js';

const TOKEN_KEY = 'wm.idToken';
const PKCE_KEY = 'wm.pkce';
const ROLES = ['family', 'worker', 'provider-admin', 'commissioner'];

export function base64url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount) {
  return base64url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** The payload of a JWT, unverified (the API verifies it). Null when it cannot be read. */
export function decodeJwt(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '='));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** The signed-in user, or null when there is no token or it has expired. */
export function currentUser() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const claims = decodeJwt(token);
  if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return null;
  let groups = claims['cognito:groups'] ?? [];
  if (typeof groups === 'string') groups = groups.split(/[\s,]+/);
  return {
    token,
    sub: claims.sub,
    name: typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null,
    exp: claims.exp,
    groups: groups.filter((g) => ROLES.includes(g)),
  };
}

export const idToken = () => currentUser()?.token ?? null;
export const storeToken = (token) => sessionStorage.setItem(TOKEN_KEY, token);
export const clearToken = () => sessionStorage.removeItem(TOKEN_KEY);

/** The page for a set of roles, or null when none of them has one. */
export function homeFor(groups = []) {
  if (groups.includes('family')) return '/family.html';
  if (groups.includes('commissioner')) return '/commissioner.html';
  if (groups.includes('worker') || groups.includes('provider-admin')) return '/team.html';
  return null;
}

export const redirectUri = () => `${location.origin}/signin.html`;

/** Only same-origin paths may be returned to after sign-in (no open redirect). */
export function safeReturnPath(path) {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\')
    ? path
    : null;
}

export async function startSignIn(returnTo = location.pathname + location.search) {
  const config = await loadConfig();
  const verifier = randomString(48); // 64 characters
  const state = randomString(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo: safeReturnPath(returnTo) ?? '/' }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: config.auth.clientId,
    redirect_uri: redirectUri(),
    scope: config.auth.scopes ?? 'openid email profile',
    state,
    code_challenge: base64url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  });
  location.assign(`${config.auth.authorizeUrl}?${params}`);
}

/** The stored PKCE request, removed as it is read: a code can be exchanged once. */
export function takePkceRequest() {
  const raw = sessionStorage.getItem(PKCE_KEY);
  sessionStorage.removeItem(PKCE_KEY);
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export async function signOut() {
  // On a shared device the next person must not get this one's notifications: the push service then
  // answers 410 for the subscription, and the service forgets it.
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const subscription = await registration?.pushManager?.getSubscription();
    await subscription?.unsubscribe();
  } catch {
    // no service worker or push here: nothing to stop
  }
  sessionStorage.clear();
  let config = null;
  try {
    config = await loadConfig();
  } catch {
    // without settings we cannot reach the sign-in service: the local sign-out still happened
  }
  if (config?.auth?.logoutUrl) {
    const params = new URLSearchParams({ client_id: config.auth.clientId, logout_uri: `${location.origin}/` });
    location.assign(`${config.auth.logoutUrl}?${params}`);
  } else {
    location.assign('/');
  }
}
