// The team dashboard: the Magic Number, team size, continuity per person, punctuality and the late and missed
// visits by person, feedback and the trend.

import { $, el, clear } from './dom.js';
import { startPage, showPageError } from './page.js';
import { getJson, seg, ApiError, friendlyError } from './api.js';
import { homeFor } from './auth.js';
import { calendarDate, dateRange, fixed, monthName, number, providerMonth } from './format.js';
import { feedbackTiles } from './figures.js';

const SPLIT_AT = 12;
const NOT_ENOUGH = 'not enough data yet';
const hours = (minutes) => (typeof minutes === 'number' ? fixed(minutes / 60, 1) : '–');
const orNotEnough = (text) => text || NOT_ENOUGH;

let requestNumber = 0;
let monthChosen = false; // until someone picks a month, ask for the latest

const HEALTH = {
  'hospital-admission': 'Hospital admissions',
  'ae-attendance': 'A&E attendances',
  fall: 'Falls',
  'gp-call-out': 'GP call-outs',
};

function tile(label, valueNode, ...notes) {
  return el('div', { class: 'tile' }, el('p', { class: 'tile-label' }, label), valueNode, notes.filter(Boolean).map((n) => (n instanceof Node ? n : el('p', { class: 'tile-note' }, n))));
}

function headlineTiles(d) {
  const a = d.activity ?? {};
  const magic = typeof a.magicNumber === 'number' ? number(a.magicNumber, 2) : NOT_ENOUGH;
  const advice = d.sizeAdvice;
  return el(
    'div',
    { class: 'tiles' },
    tile(
      'Magic Number',
      el('p', { id: 'magic-number', class: `tile-value tile-value-big${typeof a.magicNumber === 'number' ? '' : ' tile-value-quiet'}` }, magic),
      `${hours(a.careMinutes)} care hours of ${hours(a.shiftMinutes)} paid hours`,
      'Care time delivered for each paid hour.',
    ),
    tile(
      'Team size',
      el('p', { id: 'team-size', class: 'tile-value' }, typeof d.teamSize === 'number' ? number(d.teamSize) : '–'),
      el('p', { id: 'size-flag', class: 'flag', hidden: !advice }, advice ? advice.message || `At ${advice.size} people, consider splitting the team.` : ''),
      advice ? null : el('p', { id: 'size-ok', class: 'tile-note' }, `Team size is fine (split advised at ${SPLIT_AT})`),
    ),
    tile('Visits', el('p', { class: 'tile-value' }, typeof a.visits === 'number' ? number(a.visits) : '–'), `in ${monthName(d.month)}`),
  );
}

function tableWrap(caption, head, rows) {
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    el(
      'table',
      {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, head.map((h, i) => el('th', { scope: 'col', class: i ? 'num' : null }, h)))),
      el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c, i) => (i ? el('td', { class: 'num' }, c) : el('th', { scope: 'row' }, c)))))),
    ),
  );
}

function continuitySection(d) {
  const c = d.activity?.continuity ?? {};
  const clients = Array.isArray(d.clients) ? [...d.clients].sort((x, y) => String(x.name).localeCompare(String(y.name), 'en-GB')) : [];
  return el(
    'section',
    { id: 'continuity', class: 'card', 'aria-labelledby': 'continuity-heading' },
    el('h3', { id: 'continuity-heading' }, 'Continuity of care'),
    el(
      'ul',
      { class: 'facts' },
      el('li', {}, 'Different carers per person, on average: ', el('strong', {}, orNotEnough(number(c.meanWorkers, 2)))),
      el('li', {}, 'Mean continuity index: ', el('strong', {}, orNotEnough(number(c.meanIndex, 2))), ' (1 means always the same carer, 0 a different carer every visit)'),
      el('li', {}, `People visited: ${number(c.clients ?? 0)}; with two or more visits: ${number(c.clientsWithIndex ?? 0)}`),
    ),
    clients.length
      ? tableWrap(
          `Continuity for each person, ${monthName(d.month)}`,
          ['Person', 'Visits', 'Carers', 'Continuity index'],
          clients.map((p) => [p.name ?? p.clientId, number(p.visits ?? 0), number(p.workers ?? 0), typeof p.index === 'number' ? number(p.index, 2) : 'fewer than 2 visits']),
        )
      : el('p', { class: 'empty' }, 'Nobody was visited this month yet.'),
  );
}

const REQUESTER = { client: 'the person', family: 'their family', provider: 'us' };
const percent = (v) => (typeof v === 'number' ? `${fixed(v, 1)}%` : '–');

// Dashboards compiled before the rota have no rota figures: the section is left out then.
function rotaSection(d) {
  const r = d.activity?.rota;
  if (!r) return null;
  const people = Array.isArray(d.lateAndMissed) ? d.lateAndMissed : [];
  const cancelled = (r.cancelledBy ?? []).filter((c) => c.visits > 0).map((c) => `${number(c.visits)} asked by ${REQUESTER[c.requestedBy] ?? c.requestedBy}`);
  const rows = [];
  for (const p of people) {
    for (const v of p.visits ?? []) {
      rows.push([
        p.name ?? p.clientId,
        calendarDate(v.serviceDate, { year: false, weekday: true }),
        String(v.plannedTime ?? '').slice(0, 5),
        typeof v.minutesLate === 'number' ? number(v.minutesLate) : 'not checked in',
        `${v.status}${v.wasMissed && v.status !== 'missed' ? ' (was missed)' : ''}`,
        (v.workers ?? []).map((w) => w.name ?? w.workerId).join(', '),
      ]);
    }
  }
  return el(
    'section',
    { id: 'punctuality', class: 'card', 'aria-labelledby': 'punctuality-heading' },
    el('h3', { id: 'punctuality-heading' }, 'Punctuality'),
    el(
      'ul',
      { class: 'facts' },
      el('li', {}, 'On time (within 15 minutes of the planned start): ', el('strong', {}, percent(r.onTimePercent)), ` (${number(r.onTime ?? 0)} of ${number(r.completedVisits ?? 0)} visits)`),
      el('li', {}, `Late: ${number(r.late ?? 0)}`, typeof r.meanMinutesLate === 'number' ? `, ${fixed(r.meanMinutesLate, 1)} minutes on average` : ''),
      el('li', {}, `Missed: ${number(r.missed ?? 0)} of ${number(r.plannedVisits ?? 0)} planned`, typeof r.missedPer1000Planned === 'number' ? ` (${fixed(r.missedPer1000Planned, 1)} per 1,000)` : ''),
      el('li', {}, `Short visits: ${percent(r.shortPercent)}`),
      el('li', {}, `Hours delivered: ${fixed(r.deliveredHours ?? 0, 1)} of ${fixed(r.plannedHours ?? 0, 1)} planned`),
      el('li', {}, `Cancelled: ${number(r.cancelled ?? 0)}`, cancelled.length ? ` (${cancelled.join('; ')})` : ''),
    ),
    rows.length
      ? tableWrap(`Late and missed visits, ${monthName(d.month)}`, ['Person', 'Day', 'Planned start', 'Minutes late', 'Status', 'Carers'], rows)
      : el('p', { class: 'empty' }, 'No late or missed visits this month.'),
  );
}

function feedbackSection(d) {
  // newest period first: the one the team is in now matters most
  const periods = (Array.isArray(d.feedback) ? d.feedback : []).slice().reverse();
  return el(
    'section',
    { id: 'team-feedback', class: 'card', 'aria-labelledby': 'feedback-heading' },
    el('h3', { id: 'feedback-heading' }, 'What families and clients told us'),
    el('p', { class: 'muted' }, 'As commissioners see it: figures resting on fewer than 10 people are not shown, so nobody’s answer can be picked out.'),
    periods.length
      ? periods.map((p) =>
          el(
            'div',
            { class: 'period', dataset: { periodId: p.periodId } },
            el('h4', {}, `${p.label ?? p.periodId}`, p.opensOn && p.closesOn ? el('span', { class: 'muted' }, ` (${dateRange(p.opensOn, p.closesOn)})`) : null),
            feedbackTiles(p.figures),
          ),
        )
      : el('p', { class: 'empty' }, 'No survey periods have started yet.'),
  );
}

function alsoSection(d) {
  const health = (d.activity?.health ?? []).filter((h) => h && typeof h.count === 'number');
  if (!health.length) return null;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'health-heading' },
    el('h3', { id: 'health-heading' }, 'Health events this month'),
    el(
      'ul',
      { class: 'facts' },
      health.map((h) => {
        const rate = h.per1000ClientDays ?? h.perThousandClientDays;
        return el('li', {}, `${HEALTH[h.type] ?? h.type}: ${number(h.count)}`, typeof rate === 'number' ? ` (${number(rate, 2)} per 1,000 client-days)` : '');
      }),
    ),
  );
}

function trendSection(d) {
  const trend = Array.isArray(d.trend) ? d.trend : [];
  if (!trend.length) return null;
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'trend-heading' },
    el('h3', { id: 'trend-heading' }, 'Month by month'),
    tableWrap(
      'The last six months',
      ['Month', 'Visits', 'Care hours', 'Magic Number'],
      trend.map((t) => [monthName(t.month, { short: true }), number(t.visits ?? 0), hours(t.careMinutes), typeof t.magicNumber === 'number' ? number(t.magicNumber, 2) : NOT_ENOUGH]),
    ),
  );
}

function renderDashboard(d) {
  const root = $('#dashboard');
  clear(
    root,
    el('h2', {}, `${d.teamName ?? 'Team'}: ${monthName(d.month)}`),
    el('p', { class: `summary-state ${d.complete ? 'is-final' : 'is-interim'}` }, d.complete ? 'Final: the whole month is counted.' : `Interim: data up to ${calendarDate(d.dataThrough)}`),
    headlineTiles(d),
    continuitySection(d),
    rotaSection(d),
    feedbackSection(d),
    trendSection(d),
    alsoSection(d),
  );
}

async function loadDashboard(teamId) {
  const mine = ++requestNumber;
  const monthInput = $('#month');
  const month = monthChosen && /^\d{4}-\d{2}$/.test(monthInput.value) ? monthInput.value : null;
  const status = $('#dashboard-status');
  status.textContent = 'Loading the dashboard…';
  $('#dashboard').setAttribute('aria-busy', 'true');
  try {
    const d = await getJson(`/teams/${seg(teamId)}/dashboard${month ? `?month=${month}` : ''}`);
    if (mine !== requestNumber) return;
    renderDashboard(d ?? {});
    if (!month && d?.month) monthInput.value = d.month;
    status.textContent = `Showing ${d?.teamName ?? 'the team'}, ${monthName(d?.month)}.`;
  } catch (error) {
    if (mine !== requestNumber) return;
    if (error instanceof ApiError && error.status === 401) return;
    const text =
      error instanceof ApiError && error.status === 404 ? 'No dashboard has been compiled for this month yet.' : friendlyError(error, 'the dashboard');
    clear($('#dashboard'), el('p', { class: error.status === 404 ? 'empty' : 'error-text' }, text));
    status.textContent = text;
  } finally {
    if (mine === requestNumber) $('#dashboard').removeAttribute('aria-busy');
  }
}

async function main() {
  const context = await startPage();
  if (!context) return;
  const groups = context.user.groups;
  if (!groups.includes('worker') && !groups.includes('provider-admin')) {
    $('#loading').hidden = true;
    const home = homeFor(groups);
    clear(
      $('#dashboard'),
      el('p', {}, 'This page is for care teams.'),
      home && home !== '/team.html' ? el('p', {}, el('a', { href: home }, 'Go to your own page')) : null,
    );
    return;
  }

  let teams;
  try {
    teams = (await getJson('/teams'))?.teams ?? [];
  } catch (error) {
    $('#loading').hidden = true;
    if (!(error instanceof ApiError && error.status === 401)) showPageError(friendlyError(error, 'your teams'));
    return;
  }
  $('#loading').hidden = true;
  if (!teams.length) {
    clear($('#dashboard'), el('p', { class: 'empty' }, groups.includes('provider-admin') ? 'There are no teams yet.' : 'You are not in a team yet. Please ask the provider to add you.'));
    return;
  }

  const select = $('#team-select');
  clear(select, teams.map((t) => el('option', { value: t.teamId }, t.name ?? t.teamId)));
  $('#team-picker').hidden = teams.length < 2;
  $('#team-name').textContent = teams.length === 1 ? `Team: ${teams[0].name ?? teams[0].teamId}` : '';
  $('#team-name').hidden = teams.length !== 1;
  $('#month').max = providerMonth();
  $('#controls').hidden = false;

  const teamId = () => select.value || teams[0].teamId;
  let pending = null;
  const soon = () => {
    clearTimeout(pending);
    pending = setTimeout(() => loadDashboard(teamId()), 250);
  };
  select.addEventListener('change', soon);
  $('#month').addEventListener('change', () => {
    monthChosen = $('#month').value !== '';
    soon();
  });
  $('#controls').addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(pending);
    monthChosen = $('#month').value !== '';
    loadDashboard(teamId());
  });
  await loadDashboard(teamId());
}

main();
