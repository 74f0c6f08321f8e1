// The family page: who is coming, what happened, stories from the team, and the rating form.

import { $, el, clear, setText } from './dom.js';
import { startPage, showPageError, showSignedOut } from './page.js';
import { getJson, api, seg, friendlyError, ApiError } from './api.js';
import { idToken, homeFor } from './auth.js';
import { openLiveFeed, connectionText } from './live.js';
import { renderSurvey } from './survey.js';
import { registerServiceWorker } from './push.js';
import { setUpNotifications } from './notifications.js';
import { time, day, visitWhen, providerDay, names, serviceType, domain, calendarDate } from './format.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOCK_SLACK_MS = 2 * 60 * 1000; // catch up from a little before the visits were read, in case clocks differ

const state = {
  config: null,
  me: null,
  clientId: null,
  selection: 0, // bumped on every switch, so late answers for another person are dropped
  visits: new Map(),
  visitsError: null,
  stories: [],
  storiesError: null,
  live: null,
};

const VISITS_AT_FIRST = 4;
const ms = (iso) => (iso ? Date.parse(iso) : NaN);

// ---------- visits ----------

const STATUS_CLASS = { planned: 'planned', 'in-progress': 'in-progress', completed: 'completed', cancelled: 'stopped', missed: 'stopped' };
// a missed visit may still be checked in late, so it ranks below in progress
const STATUS_RANK = { planned: 0, missed: 0.5, 'in-progress': 1, completed: 2, cancelled: 2 };
const STATUS_FOR_UPDATE = {
  'visit.planned': 'planned',
  'visit.changed': 'planned',
  'visit.late': 'planned',
  'visit.started': 'in-progress',
  'visit.finished': 'completed',
  'visit.cancelled': 'cancelled',
  'visit.missed': 'missed',
};

function statusWords(v) {
  switch (v.status) {
    case 'planned':
      if (v.lateAt) return 'Running late: the team has been told';
      // a visit whose time has passed without a check-in: say so plainly, not "planned"
      return ms(v.plannedEnd) < Date.now() ? 'No check-in recorded' : 'Planned';
    case 'in-progress':
      return v.actualStart ? `In progress: arrived at ${time(v.actualStart)}` : 'In progress';
    case 'completed':
      return v.actualEnd ? `Finished at ${time(v.actualEnd)}` : 'Finished';
    case 'cancelled':
      return v.cancellation?.reason ? `Cancelled: ${v.cancellation.reason}` : 'Cancelled';
    case 'missed':
      return 'Missed: the team has been told';
    default:
      return String(v.status ?? 'Status not known');
  }
}

const workerNames = (v) => names((v.workers ?? []).map((w) => w?.displayName));

function visitItem(v) {
  const who = workerNames(v);
  const statusClass = STATUS_CLASS[v.status] ?? 'other';
  return el(
    'li',
    { class: `visit visit-${statusClass}`, dataset: { visitId: v.visitId, status: v.status ?? '' } },
    el('p', { class: 'visit-when' }, el('time', { datetime: v.plannedStart }, visitWhen(v.plannedStart, v.plannedEnd))),
    el('p', { class: 'visit-what' }, who ? `${serviceType(v.serviceType)} with ${who}` : `${serviceType(v.serviceType)} (carer to be confirmed)`),
    el('p', { class: 'visit-status' }, el('span', { class: `badge badge-${statusClass}` }, statusWords(v))),
    v.whatMattered ? el('p', { class: 'visit-mattered' }, el('strong', {}, 'What mattered: '), v.whatMattered) : null,
  );
}

function fillList(list, empty, visits, emptyText) {
  clear(list, visits.map(visitItem));
  list.hidden = visits.length === 0;
  empty.hidden = visits.length > 0;
  empty.textContent = state.visitsError ?? emptyText;
  empty.classList.toggle('error-text', Boolean(state.visitsError));
}

function renderVisits() {
  const all = [...state.visits.values()];
  const isUpcoming = (v) => v.status === 'in-progress' || (v.status === 'planned' && ms(v.plannedEnd) >= Date.now());
  const upcoming = all.filter(isUpcoming).sort((a, b) => ms(a.plannedStart) - ms(b.plannedStart));
  const recent = all
    .filter((v) => !isUpcoming(v))
    .sort((a, b) => ms(b.actualStart ?? b.plannedStart) - ms(a.actualStart ?? a.plannedStart));
  // A few of each at first, so the page stays short on a phone.
  const shown = state.allVisits ? Infinity : VISITS_AT_FIRST;
  fillList($('#upcoming-visits'), $('#upcoming-empty'), upcoming.slice(0, shown), 'No visits are planned for the next two weeks.');
  fillList($('#recent-visits'), $('#recent-empty'), recent.slice(0, shown), 'No visits in the last two weeks.');
  const more = $('#more-visits');
  more.hidden = upcoming.length <= VISITS_AT_FIRST && recent.length <= VISITS_AT_FIRST;
  more.setAttribute('aria-expanded', String(Boolean(state.allVisits)));
  more.textContent = state.allVisits ? 'Show fewer visits' : 'Show all visits of the last and next two weeks';
}

function liveSentence() {
  const all = [...state.visits.values()];
  const started = all.filter((v) => v.status === 'in-progress').sort((a, b) => ms(b.actualStart) - ms(a.actualStart));
  if (started.length) {
    const v = started[0];
    const who = v.checkedInBy?.displayName || workerNames(v) || 'Your carer';
    const planned = v.plannedStart && v.plannedEnd ? `, planned ${time(v.plannedStart)}–${time(v.plannedEnd)}` : '';
    const arrived = v.actualStart ? ` at ${time(v.actualStart)}` : '';
    return `${who} arrived${arrived} (${serviceType(v.serviceType).toLowerCase()}${planned}).`;
  }
  const finished = all.filter((v) => v.status === 'completed' && v.actualEnd).sort((a, b) => ms(b.actualEnd) - ms(a.actualEnd));
  if (finished.length) {
    const end = finished[0].actualEnd;
    return providerDay(end) === providerDay() ? `Last visit finished at ${time(end)}.` : `Last visit finished at ${time(end)} on ${day(end)}.`;
  }
  const next = all
    .filter((v) => v.status === 'planned' && ms(v.plannedStart) > Date.now())
    .sort((a, b) => ms(a.plannedStart) - ms(b.plannedStart))[0];
  return next
    ? `No visits in the last two weeks. The next is planned for ${visitWhen(next.plannedStart, next.plannedEnd)}.`
    : 'No visits in the last two weeks.';
}

function renderLiveStatus() {
  setText($('#live-status'), state.visitsError ? 'We could not load the latest visits just now.' : liveSentence());
}

function upsertVisit(type, data) {
  if (!data?.visitId) return;
  const incoming = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined));
  incoming.status = STATUS_FOR_UPDATE[type];
  const existing = state.visits.get(data.visitId);
  const merged = { clientId: state.clientId, ...existing, ...incoming };
  // updates can arrive out of order (live and catch-up): a visit never goes back to an earlier status
  if (existing && (STATUS_RANK[existing.status] ?? 1) > STATUS_RANK[incoming.status]) merged.status = existing.status;
  state.visits.set(data.visitId, merged);
}

async function loadVisits(selection) {
  const now = Date.now();
  const query = new URLSearchParams({
    from: new Date(now - 14 * DAY_MS).toISOString(),
    to: new Date(now + 14 * DAY_MS).toISOString(),
    limit: '100',
  });
  const visits = [];
  try {
    let cursor = null;
    let pages = 0;
    do {
      if (cursor) query.set('cursor', cursor);
      const data = await getJson(`/clients/${seg(state.clientId)}/visits?${query}`);
      if (selection !== state.selection) return;
      visits.push(...(data?.visits ?? []));
      cursor = data?.nextCursor ?? null;
      pages += 1;
    } while (cursor && pages < 5);
    state.visitsError = null;
  } catch (error) {
    if (selection !== state.selection) return;
    state.visitsError = friendlyError(error, 'the visits');
  }
  for (const v of visits) if (v?.visitId && !state.visits.has(v.visitId)) state.visits.set(v.visitId, v);
  renderVisits();
  renderLiveStatus();
}

// ---------- stories ----------

function toldBy(author) {
  if (author?.name) return `Told by ${author.name}`;
  if (author?.role === 'family') return 'Told by a family member';
  return 'Told by the care team';
}

function storyArticle(story) {
  const domains = Array.isArray(story.domains) ? story.domains : [];
  return el(
    'article',
    { class: 'story', dataset: { storyId: story.storyId ?? '' } },
    el('h3', {}, story.title || 'A story from the care team'),
    el('p', { class: 'story-meta' }, story.date ? [el('time', { datetime: story.date }, calendarDate(story.date, { weekday: true })), ' · '] : null, toldBy(story.author)),
    el('p', { class: 'story-text' }, story.text ?? story.excerpt ?? ''),
    domains.length ? el('ul', { class: 'tags', 'aria-label': 'What this story is about' }, domains.map((d) => el('li', {}, domain(d)))) : null,
  );
}

function renderStories() {
  const list = $('#story-list');
  if (state.storiesError) {
    clear(list, el('p', { class: 'error-text' }, state.storiesError));
  } else if (!state.stories.length) {
    clear(list, el('p', { class: 'empty' }, 'No stories shared with the family yet.'));
  } else {
    clear(list, state.stories.map(storyArticle));
  }
}

async function loadStories(selection) {
  try {
    const data = await getJson(`/clients/${seg(state.clientId)}/stories?limit=10`);
    if (selection !== state.selection) return;
    const live = state.stories; // any shared while loading stay on top
    const loaded = data?.stories ?? [];
    state.stories = [...live.filter((s) => !loaded.some((l) => l.storyId === s.storyId)), ...loaded];
    state.storiesError = null;
  } catch (error) {
    if (selection !== state.selection) return;
    state.storiesError = friendlyError(error, 'the stories');
  }
  renderStories();
}

function addSharedStory(data) {
  if (!data?.storyId || state.stories.some((s) => s.storyId === data.storyId)) return;
  state.stories.unshift({
    storyId: data.storyId,
    title: data.title,
    excerpt: data.excerpt,
    date: data.date,
    domains: data.domains,
    author: { name: data.authorName },
  });
  state.storiesError = null;
  renderStories();
}

// ---------- survey ----------

const currentClient = () => (state.me?.clients ?? []).find((c) => c.clientId === state.clientId);

function surveyFor(clientId) {
  const mine = (state.me?.surveys ?? []).filter((s) => s.clientId === clientId);
  return mine.find((s) => !s.answeredAt) ?? mine[0] ?? null;
}

let shownSurvey = null; // "periodId|answered" drawn now, so a re-read of /me does not wipe a half-filled form

function showSurvey({ force = false } = {}) {
  const survey = surveyFor(state.clientId);
  const key = survey ? `${state.clientId}|${survey.periodId}|${Boolean(survey.answeredAt)}` : null;
  if (!force && key === shownSurvey) return;
  shownSurvey = key;
  renderSurvey($('#survey'), survey, {
    clientId: state.clientId,
    clientName: currentClient()?.displayName ?? 'your family member',
    onAnswered(at) {
      survey.answeredAt ??= at;
      shownSurvey = `${state.clientId}|${survey.periodId}|true`;
    },
  });
}

async function refreshMe() {
  try {
    state.me = await getJson('/me');
    showSurvey();
  } catch (error) {
    console.warn('Could not read /me again', error);
  }
}

// ---------- live ----------

function setConnection(connection, seconds) {
  const indicator = $('#live-connection');
  indicator.dataset.state = connection;
  setText(indicator, connectionText(connection, seconds));
}

function applyUpdate(message) {
  switch (message.type) {
    case 'visit.planned':
    case 'visit.changed':
    case 'visit.late':
    case 'visit.started':
    case 'visit.finished':
    case 'visit.cancelled':
    case 'visit.missed':
      upsertVisit(message.type, message.data);
      renderVisits();
      renderLiveStatus();
      break;
    case 'story.shared':
      addSharedStory(message.data);
      break;
    case 'survey.open':
      refreshMe();
      break;
    default:
      console.info('Live update not shown here:', message.type);
  }
}

function signedOut(message = 'Your sign-in has ended. Please sign in again to see the latest.') {
  state.live?.close();
  state.live = null;
  state.selection += 1;
  showSignedOut(message);
}

// ---------- switching person ----------

async function selectClient(clientId) {
  const selection = ++state.selection;
  state.live?.close();
  state.live = null;
  state.clientId = clientId;
  state.visits = new Map();
  state.visitsError = null;
  state.stories = [];
  state.storiesError = null;

  const client = currentClient();
  $('#page-title').textContent = client?.displayName ?? 'Your family';
  document.title = `${client?.displayName ?? 'Family'} – What Matters`;
  $('#team-line').textContent = client?.teamName ? `Supported by the ${client.teamName} team.` : '';
  setConnection('connecting');
  setText($('#live-status'), 'Loading the latest visits…');
  clear($('#upcoming-visits'));
  clear($('#recent-visits'));
  clear($('#story-list'), el('p', { class: 'empty' }, 'Loading stories…'));
  showSurvey({ force: true });

  const loadedAt = new Date(Date.now() - CLOCK_SLACK_MS).toISOString();
  await Promise.all([loadVisits(selection), loadStories(selection)]);
  if (selection !== state.selection) return;
  if (!state.config.wsUrl) {
    setConnection('offline');
    return;
  }
  state.live = openLiveFeed({
    wsUrl: state.config.wsUrl,
    clientId,
    since: loadedAt,
    getToken: idToken,
    onUpdate: applyUpdate,
    onConnection: setConnection,
    onSignInNeeded: () => signedOut(),
  });
}

// ---------- first load ----------

const PAGE_NAMES = { '/team.html': 'your team page', '/commissioner.html': 'the commissioner page', '/family.html': 'the family page' };

function showNotice(text, ...extra) {
  clear($('#notice'), el('p', {}, text), extra);
  $('#notice').hidden = false;
}

function inviteForm() {
  const input = el('input', { type: 'text', id: 'invite-code', name: 'code', autocomplete: 'off', spellcheck: 'false', class: 'input-wide' });
  const message = el('p', { id: 'invite-message', role: 'alert', class: 'error-text', hidden: true });
  const button = el('button', { type: 'submit', class: 'button button-primary' }, 'Use this code');
  const form = el(
    'form',
    { id: 'invite-form', class: 'card', novalidate: true },
    el('h2', {}, 'Have an invitation code?'),
    el('div', { class: 'field' }, el('label', { for: 'invite-code' }, 'Invitation code'), input),
    message,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const code = input.value.trim();
    if (!code) {
      message.textContent = 'Enter the code the care team gave you.';
      message.hidden = false;
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      await api('/invites/accept', { method: 'POST', body: { code } });
      location.reload();
    } catch (error) {
      const reasons = {
        404: 'We do not recognise that code. Please check it and try again.',
        409: 'That code has already been used. Ask the care team for a new one.',
        410: 'That code has expired. Ask the care team for a new one.',
      };
      message.textContent = (error instanceof ApiError && reasons[error.status]) || friendlyError(error, 'your invitation');
      message.hidden = false;
      input.focus();
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** The person a link names (?client=, as in a notification's link), when linked to them; else the first. */
function clientFromUrl(clients, url = location.href) {
  const wanted = new URL(url, location.origin).searchParams.get('client');
  return clients.find((c) => c.clientId === wanted)?.clientId ?? null;
}

/** A notification clicked while this page is open: the service worker asks it to show that person. */
function listenToServiceWorker(clients) {
  navigator.serviceWorker?.addEventListener('message', (event) => {
    if (event.origin && event.origin !== location.origin) return;
    if (event.data?.type !== 'wm:open' || typeof event.data.url !== 'string') return;
    const clientId = clientFromUrl(clients, event.data.url);
    if (clientId && clientId !== state.clientId) {
      $('#client-select').value = clientId;
      selectClient(clientId);
    }
  });
}

async function main() {
  // Registered on every visit so the page is installable and a click on a notification finds it;
  // it asks for nothing (notifications are asked for only by the button in the settings).
  registerServiceWorker();
  const context = await startPage({ onUnauthorised: () => signedOut() });
  if (!context) return;
  state.config = context.config;

  let me;
  try {
    me = await getJson('/me');
  } catch (error) {
    $('#loading').hidden = true;
    if (!(error instanceof ApiError && error.status === 401)) showPageError(friendlyError(error, 'your family page'));
    return;
  }
  $('#loading').hidden = true;
  state.me = me;

  const roles = Array.isArray(me?.roles) ? me.roles : context.user.groups;
  if (!roles.includes('family')) {
    const home = homeFor(roles);
    showNotice('This page is for family members.', home && home !== '/family.html' ? el('p', {}, el('a', { href: home }, `Go to ${PAGE_NAMES[home]}`)) : null);
    return;
  }
  const clients = Array.isArray(me.clients) ? me.clients : [];
  if (!clients.length) {
    showNotice('Nobody is linked to your account yet. Ask the care team for an invitation code.', inviteForm());
    return;
  }

  const picker = $('#client-select');
  clear(picker, clients.map((c) => el('option', { value: c.clientId }, c.displayName ?? c.clientId)));
  $('#client-picker').hidden = clients.length < 2;
  picker.addEventListener('change', () => selectClient(picker.value));
  $('#more-visits').addEventListener('click', () => {
    state.allVisits = !state.allVisits;
    renderVisits();
  });
  $('#family-content').hidden = false;
  setUpNotifications({ sub: context.user.sub });
  listenToServiceWorker(clients);
  const first = clientFromUrl(clients) ?? clients[0].clientId;
  picker.value = first;
  await selectClient(first);
}

main();
