// Dates, times, numbers and words, always in UK English and in the provider's time zone (config.json).

let zone = 'Europe/London';
const formatters = new Map();

/** The provider's zone, from config.json; an unknown name keeps the one before. */
export function useTimeZone(name) {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    zone = name;
  } catch {
    // not a zone this browser knows: times stay in the previous zone
  }
}

function dateFormat(options) {
  const key = JSON.stringify(options);
  if (!formatters.has(key)) formatters.set(key, new Intl.DateTimeFormat('en-GB', options));
  return formatters.get(key);
}

const toDate = (value) => (value instanceof Date ? value : new Date(value));
const valid = (value) => value !== null && value !== undefined && !Number.isNaN(toDate(value).getTime());

/** "09:02" */
export function time(instant) {
  if (!valid(instant)) return '';
  return dateFormat({ timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(instant));
}

/** "Mon 23 Nov" */
export function day(instant) {
  if (!valid(instant)) return '';
  return dateFormat({ timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(toDate(instant));
}

/** "21 Nov" */
export function dayMonth(instant) {
  if (!valid(instant)) return '';
  return dateFormat({ timeZone: zone, day: 'numeric', month: 'short' }).format(toDate(instant));
}

/** "Mon 23 Nov, 09:00–10:00" */
export function visitWhen(start, end) {
  if (!valid(start)) return '';
  return valid(end) ? `${day(start)}, ${time(start)}–${time(end)}` : `${day(start)}, ${time(start)}`;
}

/** The provider's calendar day of an instant, "2026-11-23" (for "is it today?"). */
export function providerDay(instant = new Date()) {
  if (!valid(instant)) return '';
  const parts = dateFormat({ timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    toDate(instant),
  );
  const p = Object.fromEntries(parts.map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** The provider's calendar month now, "2026-11". */
export function providerMonth(instant = new Date()) {
  return providerDay(instant).slice(0, 7);
}

// Calendar days ("2026-11-22") have no time zone: format them as UTC so they never shift a day.
const calendarDay = (ymd) => new Date(`${ymd}T00:00:00Z`);
const isCalendarDay = (ymd) => typeof ymd === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(ymd);

/** "22 Nov 2026" (or "22 Nov" without the year) */
export function calendarDate(ymd, { year = true, weekday = false } = {}) {
  if (!isCalendarDay(ymd)) return ymd ?? '';
  const options = { timeZone: 'UTC', day: 'numeric', month: 'short' };
  if (year) options.year = 'numeric';
  if (weekday) options.weekday = 'short';
  return dateFormat(options).format(calendarDay(ymd));
}

/** "1 Oct to 31 Dec 2026", or "1 Dec 2026 to 31 Jan 2027" across a new year. */
export function dateRange(from, to) {
  if (!isCalendarDay(from) || !isCalendarDay(to)) return [from, to].filter(Boolean).join(' to ');
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${calendarDate(from, { year: !sameYear })} to ${calendarDate(to)}`;
}

/** "2026-11" → "November 2026" (or "Nov 2026" when short) */
export function monthName(yearMonth, { short = false } = {}) {
  if (typeof yearMonth !== 'string' || !/^\d{4}-\d{2}$/.test(yearMonth)) return yearMonth ?? '';
  return dateFormat({ timeZone: 'UTC', month: short ? 'short' : 'long', year: 'numeric' }).format(
    calendarDay(`${yearMonth}-01`),
  );
}

/** A number with a fixed number of decimals, "64.3"; '' for null. */
export function fixed(value, digits = 1) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A number with at most the given decimals, "0.8", "1,234". */
export function number(value, maxDigits = 2) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: maxDigits }).format(value);
}

/** ["Amara", "Ben", "Chloe"] → "Amara, Ben and Chloe" */
export function names(list) {
  const clean = (list ?? []).filter((n) => typeof n === 'string' && n.trim() !== '');
  return clean.length ? new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(clean) : '';
}

/** "some-slug" → "Some slug" */
export function sentenceCase(slug) {
  const text = String(slug ?? '').replace(/[-_]+/g, ' ').trim();
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}

const SERVICE_TYPES = {
  'personal-care': 'Personal care',
  'medication-support': 'Medication support',
  'meal-preparation': 'Meal preparation',
  'domestic-support': 'Help around the home',
  companionship: 'Companionship',
  'community-access': 'Getting out and about',
  respite: 'Respite',
  wellbeing: 'Wellbeing',
};

/** "personal-care" → "Personal care" */
export function serviceType(type) {
  return SERVICE_TYPES[type] ?? sentenceCase(type);
}

const DOMAINS = {
  independence: 'independence',
  dignity: 'dignity',
  wellbeing: 'wellbeing',
  'relationships-community': 'relationships and community',
  trust: 'trust',
  continuity: 'continuity',
};

export function domain(slug) {
  return DOMAINS[slug] ?? sentenceCase(slug).toLowerCase();
}

export const QUESTIONS = {
  'positive-impact': 'Positive impact on life',
  reliability: 'Reliability',
  creativity: 'Creativity in enabling good days',
};

/** A survey question's name when the document does not give one. */
export function questionName(questionId) {
  return QUESTIONS[questionId] ?? sentenceCase(questionId);
}
