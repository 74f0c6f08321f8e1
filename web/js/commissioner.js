// Outcome summaries for commissioners: headline figures per period, and fresh download links.

import { $, el, clear } from './dom.js';
import { startPage, showPageError } from './page.js';
import { api, getJson, seg, ApiError, friendlyError } from './api.js';
import { calendarDate, dateRange, time } from './format.js';
import { feedbackTiles } from './figures.js';

const FORMATS = ['html', 'csv', 'json'];

let denied = false;
function showAccessDenied() {
  denied = true;
  $('#loading').hidden = true;
  $('#page-error').hidden = true;
  $('#intro').hidden = true;
  $('#download-status').hidden = true;
  clear(
    $('#summaries'),
    el('p', { id: 'access-denied', role: 'alert' }, 'This page is for commissioners. Your account cannot see outcome summaries.'),
  );
  $('#page').hidden = false;
  $('#signed-out').hidden = true;
}

/** "2026-Q4": the period's label from the document, or the title's last part. */
function labelOf(item, detail) {
  if (detail?.periodLabel) return detail.periodLabel;
  // titles read "Ridgeshire County Council: outcomes summary – 2026-Q4"
  const title = String(item.title ?? '');
  const dash = title.lastIndexOf(' – ');
  if (dash >= 0) return title.slice(dash + 3);
  const cut = title.lastIndexOf(': ');
  return cut >= 0 ? title.slice(cut + 2) : item.periodId ?? item.summaryId;
}

async function readAll(path, key) {
  const items = [];
  let cursor = null;
  let pages = 0;
  do {
    const data = await getJson(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
    items.push(...(data?.[key] ?? []));
    cursor = data?.nextCursor ?? null;
    pages += 1;
  } while (cursor && pages < 10);
  return items;
}

const status = () => $('#download-status');

function say(message, isError = false) {
  status().textContent = message;
  status().classList.toggle('error-text', isError);
}

async function download(button, item, format) {
  if (button.getAttribute('aria-disabled') === 'true') return;
  const name = format.toUpperCase();
  const label = button.dataset.label;
  button.setAttribute('aria-disabled', 'true');
  say(`Preparing your ${name} download of ${label}…`);
  try {
    // always a fresh link: links expire, and each one is recorded in the audit trail
    const { data } = await api(`/summaries/${seg(item.summaryId)}/links`, { method: 'POST', body: { format } });
    const url = new URL(data?.url ?? '', location.href);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not a web link');
    const until = data.expiresAt ? ` The link works until ${time(data.expiresAt)}.` : '';
    say(`Your ${name} download of ${label} has started.${until}`);
    window.location.assign(url.href);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    const why = error instanceof ApiError ? friendlyError(error, 'this summary') : 'The link we got back did not look right.';
    say(`We could not start the ${name} download of ${label}. ${why}`, true);
  } finally {
    button.removeAttribute('aria-disabled');
  }
}

function summaryArticle(item) {
  const label = labelOf(item);
  const formats = FORMATS.filter((f) => (item.formats ?? FORMATS).includes(f));
  const buttons = formats.map((format) => {
    const button = el(
      'button',
      {
        type: 'button',
        class: 'button button-secondary download',
        dataset: { format, label },
        'aria-label': `Download ${label} summary as ${format.toUpperCase()}`,
      },
      format.toUpperCase(),
    );
    button.addEventListener('click', () => download(button, item, format));
    return button;
  });
  const figures = el('div', { class: 'summary-figures' }, el('p', { class: 'muted' }, 'Loading the headline figures…'));
  const article = el(
    'article',
    { class: 'summary card', dataset: { summaryId: item.summaryId } },
    el('h3', {}, label),
    el('p', { class: 'summary-period' }, item.from && item.to ? `Period: ${dateRange(item.from, item.to)}` : null),
    el(
      'p',
      { class: `summary-state ${item.complete ? 'is-final' : 'is-interim'}` },
      item.complete ? 'Final' : `Interim: data up to ${calendarDate(item.dataThrough)}`,
    ),
    figures,
    el('div', { class: 'downloads', role: 'group', 'aria-label': `Downloads for ${label}` }, el('span', { class: 'downloads-label', 'aria-hidden': 'true' }, 'Download:'), buttons),
  );
  return { article, figures, buttons };
}

async function loadFigures(item, parts, heading) {
  try {
    const doc = await getJson(`/summaries/${seg(item.summaryId)}`);
    const label = labelOf(item, doc);
    for (const button of parts.buttons) {
      button.dataset.label = label;
      button.setAttribute('aria-label', `Download ${label} summary as ${button.dataset.format.toUpperCase()}`);
    }
    if (heading.dataset.named !== 'true' && doc?.commissionerName) heading.textContent = doc.commissionerName;
    clear(
      parts.figures,
      feedbackTiles(doc?.feedback?.overall, { questions: doc?.questions ?? [], benchmark: doc?.npsBenchmark ?? doc?.feedback?.npsBenchmark }),
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    clear(parts.figures, el('p', { class: 'error-text' }, `The headline figures could not be loaded. ${friendlyError(error, 'the figures')}`));
  }
}

async function main() {
  const context = await startPage({ onUnauthorised: showAccessDenied });
  if (!context) return;
  const groups = context.user.groups;
  if (!groups.includes('commissioner') && !groups.includes('provider-admin')) {
    showAccessDenied();
    return;
  }

  let items;
  try {
    items = await readAll('/summaries?limit=100', 'items');
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 401)) showAccessDenied();
    else {
      $('#loading').hidden = true;
      showPageError(friendlyError(error, 'the outcome summaries'));
    }
    return;
  }
  if (denied) return;
  items = items.filter((i) => i?.kind === 'commissioner-summary');

  const contractNames = new Map();
  try {
    for (const c of (await getJson('/contracts'))?.contracts ?? []) if (c.commissionerName) contractNames.set(c.contractId, c.commissionerName);
  } catch (error) {
    if (denied) return;
    console.warn('Contract names not loaded; showing ids instead', error);
  }

  $('#loading').hidden = true;
  const root = $('#summaries');
  if (!items.length) {
    clear(root, el('p', { class: 'empty' }, 'No outcome summaries have been compiled yet. They appear here once a survey period has started.'));
    return;
  }

  const byContract = new Map();
  for (const item of items) {
    const key = item.contractId ?? 'unknown';
    if (!byContract.has(key)) byContract.set(key, []);
    byContract.get(key).push(item);
  }
  const contracts = [...byContract.keys()].sort((a, b) => (contractNames.get(a) ?? a).localeCompare(contractNames.get(b) ?? b, 'en-GB'));

  const loads = [];
  clear(
    root,
    contracts.map((contractId) => {
      const known = contractNames.has(contractId);
      const heading = el('h2', { dataset: { named: String(known) } }, contractNames.get(contractId) ?? contractId);
      const periods = byContract
        .get(contractId)
        .sort((a, b) => String(b.to ?? '').localeCompare(String(a.to ?? '')) || String(b.from ?? '').localeCompare(String(a.from ?? '')));
      const articles = periods.map((item) => {
        const parts = summaryArticle(item);
        loads.push(() => loadFigures(item, parts, heading));
        return parts.article;
      });
      return el('section', { class: 'contract', dataset: { contractId } }, heading, articles);
    }),
  );
  await Promise.all(loads.map((load) => load()));
}

main();
