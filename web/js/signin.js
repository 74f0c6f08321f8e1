// The return from the sign-in service: check state, swap the code for tokens (PKCE), keep the ID token.

import { $ } from './dom.js';
import { loadConfig } from './config.js';
import { renderHeader } from './page.js';
import { takePkceRequest, storeToken, currentUser, homeFor, redirectUri, safeReturnPath, startSignIn } from './auth.js';

const status = $('#signin-status');
const problem = $('#signin-error');

function fail(message, returnTo) {
  status.hidden = true;
  problem.textContent = message;
  problem.hidden = false;
  const retry = $('#sign-in');
  retry.hidden = false;
  retry.addEventListener('click', () =>
    startSignIn(returnTo ?? '/').catch(() => {
      problem.textContent = 'We could not start signing you in. Please refresh the page and try again.';
    }),
  );
}

async function main() {
  const params = new URLSearchParams(location.search);
  const request = takePkceRequest();
  // the code must not be reused, nor kept in the address bar or history
  history.replaceState(null, '', location.pathname);

  let config;
  try {
    config = await loadConfig();
  } catch {
    fail('We could not load this site’s settings. Please try again in a moment.', request?.returnTo);
    return;
  }
  renderHeader(null, config);

  if (params.has('error')) {
    const description = params.get('error_description') || params.get('error');
    fail(`Signing in did not work (${description}). Please try again.`, request?.returnTo);
    return;
  }
  const code = params.get('code');
  if (!code) {
    fail('There is nothing to sign in with here. Please start again.', request?.returnTo);
    return;
  }
  if (!request || request.state !== params.get('state')) {
    fail('We could not match this sign-in to one started in this tab. Please try again.', request?.returnTo);
    return;
  }

  let answer;
  try {
    const response = await fetch(config.auth.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.auth.clientId,
        code,
        redirect_uri: redirectUri(),
        code_verifier: request.verifier,
      }),
      cache: 'no-store',
    });
    answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      fail(`Signing in did not work (${answer.error_description || answer.error || response.status}). Please try again.`, request.returnTo);
      return;
    }
  } catch {
    fail('We could not reach the sign-in service. Please check your internet connection and try again.', request.returnTo);
    return;
  }

  if (typeof answer.id_token !== 'string') {
    fail('The sign-in service did not send what we need. Please try again.', request.returnTo);
    return;
  }
  storeToken(answer.id_token);
  const user = currentUser();
  if (!user) {
    fail('Your sign-in has already expired. Please check your device’s clock, then try again.', request.returnTo);
    return;
  }
  const back = safeReturnPath(request.returnTo);
  const generic = !back || ['/', '/index.html', '/signin.html'].includes(back.split(/[?#]/)[0]);
  location.replace(generic ? homeFor(user.groups) ?? '/' : back);
}

main();
