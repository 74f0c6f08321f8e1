// Feedback figures as commissioners see them, after disclosure control. A figure is
// {value} or {suppressed: why} (a null "suppressed" means shown).

import { el } from './dom.js';
import { QUESTIONS, fixed, number, questionName } from './format.js';

const SUPPRESSED = {
  'few-respondents': 'Not shown: fewer than 10 people answered',
  'small-count': 'Not shown: small count',
  secondary: 'Not shown: protects another figure',
};

/** {kind: 'value', value} | {kind: 'suppressed', text} | {kind: 'missing'} */
export function readFigure(figure) {
  if (!figure || typeof figure !== 'object') return { kind: 'missing' };
  if (figure.suppressed) return { kind: 'suppressed', text: SUPPRESSED[figure.suppressed] ?? 'Not shown' };
  if (figure.value === null || figure.value === undefined) return { kind: 'missing' };
  return { kind: 'value', value: figure.value };
}

const NOT_ENOUGH = 'Not enough answers yet';

function tile(label, value, ...notes) {
  return el(
    'div',
    { class: 'tile' },
    el('p', { class: 'tile-label' }, label),
    value,
    notes.filter(Boolean).map((n) => el('p', { class: 'tile-note' }, n)),
  );
}

const valueLine = (text, ...extra) => el('p', { class: 'tile-value' }, text, ...extra);
const quietLine = (text) => el('p', { class: 'tile-value tile-value-quiet' }, text);

function npsTile(figure, fallbackBenchmark) {
  const nps = readFigure(figure);
  if (nps.kind === 'suppressed') return tile('Net Promoter Score', quietLine(nps.text));
  if (nps.kind === 'missing' || typeof nps.value?.score !== 'number') return tile('Net Promoter Score', quietLine(NOT_ENOUGH));
  const { score, low, high } = nps.value;
  const benchmark = typeof nps.value.benchmark === 'number' ? nps.value.benchmark : fallbackBenchmark;
  let comparison = null;
  if (typeof benchmark === 'number') {
    const gap = Math.round((score - benchmark) * 10) / 10;
    comparison =
      gap > 0
        ? `Benchmark ${number(benchmark)}: this is ${fixed(gap)} points above it.`
        : gap < 0
          ? `Benchmark ${number(benchmark)}: this is ${fixed(-gap)} points below it.`
          : `Benchmark ${number(benchmark)}: this is level with it.`;
  }
  return tile(
    'Net Promoter Score',
    valueLine(fixed(score)),
    typeof low === 'number' && typeof high === 'number' ? `95% interval ${fixed(low)} to ${fixed(high)}` : null,
    comparison,
  );
}

function responseTile(figures) {
  const rate = readFigure(figures.responseRate);
  const responses = readFigure(figures.responses);
  const invitations = readFigure(figures.invitations);
  const bothCounts = responses.kind === 'value' && invitations.kind === 'value';
  const counts = bothCounts ? el('span', { class: 'tile-sub' }, ` (${number(responses.value)} of ${number(invitations.value)})`) : null;
  const countNote = bothCounts
    ? null
    : `Answers: ${responses.kind === 'value' ? number(responses.value) : responses.text ?? 'none yet'}. ` +
      `Invited: ${invitations.kind === 'value' ? number(invitations.value) : invitations.text ?? 'none yet'}.`;
  if (rate.kind === 'value') return tile('Response rate', valueLine(`${fixed(rate.value)}%`, counts), countNote);
  const text = rate.kind === 'suppressed' ? rate.text : NOT_ENOUGH;
  return tile('Response rate', quietLine(text), bothCounts ? `${number(responses.value)} of ${number(invitations.value)} answered` : countNote);
}

function ratingTile(rating, nameOf) {
  const average = readFigure(rating.average);
  const name = nameOf(rating.questionId);
  const outOf = rating.outOf ?? 6;
  if (average.kind === 'value') return tile(name, valueLine(`${fixed(average.value)} / ${outOf}`), 'Average rating');
  return tile(name, quietLine(average.kind === 'suppressed' ? average.text : NOT_ENOUGH), 'Average rating');
}

/**
 * The tiles for one set of feedback figures: NPS, response rate, each question's average.
 * questions: [{id, name}] from the document, when it has them.
 */
export function feedbackTiles(figures, { questions = [], benchmark } = {}) {
  if (!figures || typeof figures !== 'object') return el('p', {}, 'No figures yet.');
  const names = new Map(questions.map((q) => [q.id, q.name]));
  const nameOf = (id) => names.get(id) ?? questionName(id);
  // In the order the survey asked them (the figures come sorted by id).
  const order = [...questions.map((q) => q.id), ...Object.keys(QUESTIONS)];
  const rank = (id) => (order.includes(id) ? order.indexOf(id) : order.length);
  const ratings = [...(figures.ratings ?? [])].sort((a, b) => rank(a.questionId) - rank(b.questionId)
    || String(a.questionId).localeCompare(String(b.questionId)));
  return el(
    'div',
    { class: 'tiles' },
    npsTile(figures.nps, benchmark),
    responseTile(figures),
    ratings.map((r) => ratingTile(r, nameOf)),
  );
}
