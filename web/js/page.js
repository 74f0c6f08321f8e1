// What every page shares: settings, the header (nav by role, name, Sign out) and the sign-in prompt.

import { $, el } from './dom.js';
import { loadConfig } from './config.js';
import { currentUser, startSignIn, signOut } from './auth.js';

const NAV = [
  { id: 'nav-family', href: 'family.html', label: 'Family', roles: ['family'] },
  { id: 'nav-team', href: 'team.html', label: 'Team', roles: ['worker', 'provider-admin'] },
  { id: 'nav-commissioner', href: 'commissioner.html', label: 'Commissioner', roles: ['commissioner', 'provider-admin'] },
];

/** Fills the page's empty <header class="site-header"> once: brand, nav (hidden until a role is known), account. */
function drawHeader() {
  const header = $('header.site-header');
  if (!header || header.childElementCount) return;
  header.append(el('div', { class: 'wrap header-inner' },
    el('p', { class: 'brand' }, el('a', { href: '/' }, 'What Matters'), ' ',
      el('span', { id: 'env-tag', class: 'env-tag', hidden: true })),
    el('nav', { class: 'site-nav', 'aria-label': 'Main', hidden: true },
      el('ul', {}, NAV.map((n) => el('li', { id: n.id, hidden: true }, el('a', { href: n.href }, n.label))))),
    el('div', { id: 'account', class: 'account', hidden: true },
      el('span', { class: 'account-name' }, 'Signed in as ', el('span', { id: 'user-name' }, 'you')),
      el('button', { type: 'button', id: 'sign-out', class: 'button button-secondary' }, 'Sign out'))));
}

export function renderHeader(user, config) {
  drawHeader();
  const groups = user?.groups ?? [];
  let anyLink = false;
  for (const item of NAV) {
    const li = document.getElementById(item.id);
    if (!li) continue;
    const visible = item.roles.some((r) => groups.includes(r));
    li.hidden = !visible;
    anyLink ||= visible;
    const link = li.querySelector('a');
    if (link && new URL(link.href).pathname === location.pathname) link.setAttribute('aria-current', 'page');
  }
  const nav = $('.site-nav');
  if (nav) nav.hidden = !anyLink;

  const account = $('#account');
  if (account) {
    account.hidden = !user;
    $('#user-name').textContent = user?.name ?? 'you';
  }
  const env = $('#env-tag');
  const environment = config?.environment;
  if (env && environment && !/^prod(uction)?$/i.test(environment)) {
    env.textContent = environment;
    env.hidden = false;
  }
}

export function showPageError(message) {
  const box = $('#page-error');
  if (!box) return;
  box.textContent = message;
  box.hidden = false;
}

/** Hides the page's data and shows the sign-in prompt, with a sentence when given. */
export function showSignedOut(message) {
  const page = $('#page');
  if (page) page.hidden = true;
  const prompt = $('#signed-out');
  if (prompt) prompt.hidden = false;
  if (message) $('#signed-out-message').textContent = message;
  renderHeader(null, null);
}

let wired = false;
function wireButtons() {
  if (wired) return;
  wired = true;
  drawHeader();
  $('#sign-in')?.addEventListener('click', () => {
    startSignIn().catch(() => showPageError('We could not start signing you in. Please refresh the page and try again.'));
  });
  $('#sign-out')?.addEventListener('click', () => signOut());
}

/**
 * Starts a page: reads the settings, draws the header and either shows the sign-in prompt
 * (answering null) or the page (answering {config, user}). onUnauthorised runs when the API
 * refuses the token later; by default the sign-in prompt comes back.
 */
export async function startPage({ onUnauthorised } = {}) {
  wireButtons();
  let config;
  try {
    config = await loadConfig();
  } catch {
    showPageError('We could not load this page’s settings. Please refresh the page to try again.');
    return null;
  }
  const user = currentUser();
  renderHeader(user, config);
  if (!user) {
    showSignedOut();
    return null;
  }
  window.addEventListener('wm:unauthorised', () =>
    (onUnauthorised ?? (() => showSignedOut('Your sign-in has ended. Please sign in again to carry on.')))(),
  );
  $('#signed-out').hidden = true;
  $('#page').hidden = false;
  return { config, user };
}
