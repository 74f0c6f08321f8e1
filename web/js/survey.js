// The family's rating form for one open survey period: checked here before anything is sent,
// then posted once per set of answers (the Idempotency-Key is kept while the answers stay the same).

import { el, clear } from './dom.js';
import { api, ApiError, seg, newIdempotencyKey as newKey } from './api.js';
import { calendarDate, dateRange, dayMonth } from './format.js';

/** The message for a whole-number field, or null when it is fine. */
export function checkWholeNumber(input, min, max) {
  const raw = input.value.trim();
  const ask = `Enter a whole number from ${min} to ${max}.`;
  if (input.validity?.badInput || raw === '') return ask;
  const n = Number(raw);
  if (!Number.isFinite(n)) return ask;
  if (!Number.isInteger(n)) return `${raw} is not a whole number. ${ask}`;
  if (n > max) return `${raw} is too high: the scale goes from ${min} to ${max}.`;
  if (n < min) return `${raw} is too low: the scale goes from ${min} to ${max}.`;
  return null;
}

const lowerFirst = (text) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

function labelFor(id, text, hint) {
  return el('label', { for: id }, el('span', { class: 'label-text' }, text), hint ? [' ', el('span', { class: 'hint' }, hint)] : null);
}

const SEND = 'Send my answers';

/**
 * Draws the survey section for one person. survey: an entry of /me.surveys, or null to hide it.
 * onAnswered(isoTime) runs once the answers are known to be saved.
 */
export function renderSurvey(section, survey, { clientId, clientName, onAnswered }) {
  section.hidden = !survey;
  if (!survey) {
    clear(section);
    return;
  }
  const label = survey.label ?? 'this survey';
  const heading = el('h2', { id: 'survey-heading' }, `How are we doing? (${label})`);
  if (survey.answeredAt) {
    clear(section, heading, confirmationBox(`You answered on ${dayMonth(survey.answeredAt)}. Thank you.`));
    return;
  }
  const ui = surveyForm(survey, label, { clientId, clientName, onAnswered });
  clear(section, heading, introduction(survey, clientName), ui.form, ui.confirmation, ui.notice);
  ui.form.addEventListener('input', (event) => clearFixedError(ui, event.target));
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendAnswers(ui);
  });
}

// --- the form ---

/** The thank-you box: hidden until the answers are saved, unless it is given its words now. */
function confirmationBox(text) {
  return el('div', { id: 'survey-confirmation', class: 'confirmation', role: 'status', tabindex: '-1', hidden: !text }, text);
}

function introduction(survey, clientName) {
  return el(
    'p',
    {},
    `Please tell us how the care for ${clientName} has been going. Your answers help the care team and the council see ` +
      'whether the care is making a real difference to daily life. It takes about two minutes',
    survey.closesOn ? `, and you can answer until ${calendarDate(survey.closesOn)}.` : '.',
  );
}

/**
 * The form and everything its handlers share: the fields in the order they are asked, the errors shown
 * (field → {message, errorEl, item}) and the answers last sent (pending: {bodyJson, key}).
 */
function surveyForm(survey, label, { clientId, clientName, onAnswered }) {
  const recommend = recommendField();
  const comment = commentField();
  const fields = [...(survey.questions ?? []).map(ratingField), recommend, comment];
  const summary = el('div', { id: 'survey-errors', class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const button = el('button', { type: 'submit', id: 'submit-rating', class: 'button button-primary' }, SEND);
  const form = el(
    'form',
    { id: 'survey-form', novalidate: true, class: 'survey-form' },
    summary,
    el('fieldset', {}, el('legend', {}, `Your answers about the care for ${clientName}`), fields.map((f) => f.wrapper)),
    button,
  );
  const confirmation = confirmationBox();
  const notice = el('p', { id: 'survey-notice', class: 'notice', role: 'alert', tabindex: '-1', hidden: true });
  return {
    survey, label, clientId, clientName, onAnswered, fields, recommend: recommend.input, comment: comment.input,
    summary, button, form, confirmation, notice, errors: new Map(), general: [], pending: null, sending: false,
  };
}

function numberInput(id, name, min, max) {
  return el('input', {
    type: 'number', id, name, inputmode: 'numeric', min, max, step: 1,
    required: true, autocomplete: 'off', class: 'input-number',
  });
}

/** One answer: its input in a .field with its label, its name in the error summary and in the API, its check. */
function answerField({ input, label, name, apiField, questionId, check }) {
  return { input, wrapper: el('div', { class: 'field' }, label, input), name, apiField, questionId, check };
}

function ratingField(q) {
  const id = `rating-${q.questionId}`;
  const input = numberInput(id, q.questionId, 1, 6);
  return answerField({
    input, label: labelFor(id, q.text, '(1 = not at all, 6 = very much)'), name: q.text,
    apiField: `ratings.${q.questionId}`, questionId: q.questionId, check: () => checkWholeNumber(input, 1, 6),
  });
}

function recommendField() {
  const input = numberInput('recommend', 'recommend', 0, 10);
  return answerField({
    input,
    label: labelFor('recommend', 'How likely are you to recommend us to a friend or family member?', '(0 = not at all likely, 10 = extremely likely)'),
    name: 'Recommending us', apiField: 'recommend', check: () => checkWholeNumber(input, 0, 10),
  });
}

function commentField() {
  const input = el('textarea', { id: 'comment', name: 'comment', maxlength: 2000, rows: 5 });
  return answerField({
    input, label: labelFor('comment', 'Anything you’d like to tell us? (optional)'), name: 'Your comment', apiField: 'comment',
    check: () => (input.value.length > 2000 ? 'Please keep your comment to 2,000 characters or fewer.' : null),
  });
}

// --- errors ---

function setError(ui, field, message) {
  clearError(ui, field, false);
  const id = `${field.input.id}-error`;
  const errorEl = el('p', { class: 'field-error', id }, el('span', { class: 'visually-hidden' }, 'Error: '), message);
  field.input.after(errorEl);
  field.input.setAttribute('aria-invalid', 'true');
  field.input.setAttribute('aria-describedby', id);
  field.wrapper.classList.add('field-invalid');
  ui.errors.set(field, { message, errorEl, item: null });
}

function clearError(ui, field, updateSummary = true) {
  const error = ui.errors.get(field);
  if (!error) return;
  error.errorEl.remove();
  field.input.removeAttribute('aria-invalid');
  field.input.removeAttribute('aria-describedby');
  field.wrapper.classList.remove('field-invalid');
  ui.errors.delete(field);
  if (updateSummary) {
    // remove the one item rather than redrawing, so the alert is not read out again
    error.item?.remove();
    if (!ui.summary.querySelector('li')) ui.summary.hidden = true;
  }
}

/** While typing: an error goes as soon as its answer is fine. */
function clearFixedError(ui, input) {
  const field = ui.fields.find((f) => f.input === input);
  if (field && ui.errors.has(field) && !field.check()) clearError(ui, field);
}

function summaryItem(ui, field) {
  const error = ui.errors.get(field);
  const link = el('a', { href: `#${field.input.id}` }, `${field.name}: ${lowerFirst(error.message)}`);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    field.wrapper.scrollIntoView({ block: 'start' });
    field.input.focus({ preventScroll: true });
  });
  error.item = el('li', {}, link);
  return error.item;
}

function hideSummary(ui) {
  ui.summary.hidden = true;
  clear(ui.summary);
}

function showSummary(ui) {
  const items = ui.fields.filter((f) => ui.errors.has(f)).map((f) => summaryItem(ui, f));
  items.push(...ui.general.map((text) => el('li', {}, text)));
  if (!items.length) {
    hideSummary(ui);
    return;
  }
  clear(ui.summary, el('h3', { class: 'error-summary-title' }, 'There is a problem'), el('ul', {}, items));
  ui.summary.hidden = false;
  ui.summary.focus();
}

/** One problem that belongs to no field, in the summary. */
function showProblem(ui, text) {
  ui.general = [text];
  showSummary(ui);
}

/** Checks every answer; answers whether all are fine. */
function checkAll(ui) {
  ui.general = [];
  for (const field of ui.fields) {
    const message = field.check();
    if (message) setError(ui, field, message);
    else clearError(ui, field, false);
  }
  if (ui.errors.size) {
    showSummary(ui);
    return false;
  }
  hideSummary(ui);
  return true;
}

function showServerErrors(ui, error) {
  ui.general = [];
  const byApiField = new Map(ui.fields.map((f) => [f.apiField, f]));
  for (const item of error.errors) {
    const field = byApiField.get(item.field);
    const message = item.message || 'Please check this answer.';
    if (field) setError(ui, field, /[.!?]$/.test(message) ? message : `${message}.`);
    else ui.general.push(message);
  }
  if (!error.errors.length) ui.general.push(error.detail || error.title || 'Please check your answers.');
  showSummary(ui);
}

// --- endings ---

function endWith(ui, box, message) {
  ui.form.hidden = true;
  box.textContent = message;
  box.hidden = false;
  box.focus();
}

function finish(ui, message) {
  endWith(ui, ui.confirmation, message);
  ui.onAnswered?.(new Date().toISOString());
}

const stop = (ui, message) => endWith(ui, ui.notice, message);

// --- sending ---

function answersBody(ui) {
  const body = { clientId: ui.clientId, ratings: {}, recommend: Number(ui.recommend.value.trim()) };
  for (const f of ui.fields) if (f.questionId) body.ratings[f.questionId] = Number(f.input.value.trim());
  const text = ui.comment.value.trim();
  if (text) body.comment = text;
  return body;
}

/** The Idempotency-Key: the same answers sent again keep theirs, so they are counted once. */
function keyFor(ui, body) {
  const bodyJson = JSON.stringify(body);
  if (!ui.pending || ui.pending.bodyJson !== bodyJson) ui.pending = { bodyJson, key: newKey() };
  return ui.pending.key;
}

function setSending(ui, sending) {
  ui.sending = sending;
  ui.button.disabled = sending;
  ui.button.textContent = sending ? 'Sending…' : SEND;
  if (sending) ui.form.setAttribute('aria-busy', 'true');
  else ui.form.removeAttribute('aria-busy');
}

async function sendAnswers(ui) {
  if (ui.sending || !checkAll(ui)) return;
  const body = answersBody(ui);
  const idempotencyKey = keyFor(ui, body);
  setSending(ui, true);
  try {
    const { status } = await api(`/survey-periods/${seg(ui.survey.periodId)}/responses`, { method: 'POST', body, idempotencyKey });
    finish(ui, status === 200 ? 'We already had these answers: thank you.' : `Thank you. Your answers for ${ui.label} are saved.`);
  } catch (error) {
    showFailure(ui, error);
  } finally {
    setSending(ui, false);
  }
}

function showFailure(ui, error) {
  if (!(error instanceof ApiError)) {
    showProblem(ui, 'Something went wrong and your answers were not sent. Please try again.');
  } else if (error.status === 401) {
    // the page shows the sign-in prompt
  } else if ((error.status === 400 || error.status === 422) && error.errors.length) {
    showServerErrors(ui, error);
  } else if (!endsTheForm(ui, error)) {
    showProblem(ui, retryAdvice(error));
  }
}

/** Ends the form when the answers can never be taken (or already were); answers whether it did. */
function endsTheForm(ui, error) {
  const { survey, label, clientName } = ui;
  if (error.status === 409 && error.slug === 'already-answered') {
    finish(ui, `You have already answered for ${label}. Thank you!`);
  } else if (error.status === 409 && error.slug === 'survey-period-closed') {
    stop(ui, `This survey closed${survey.closesOn ? ` on ${calendarDate(survey.closesOn)}` : ''}, so we can no longer take answers for ${label}. Thank you for wanting to tell us.`);
  } else if (error.status === 409 && error.slug === 'survey-period-not-open') {
    stop(ui, `This survey is not open for answers at the moment${survey.opensOn && survey.closesOn ? `: it runs from ${dateRange(survey.opensOn, survey.closesOn)}` : ''}.`);
  } else if (error.status === 403) {
    stop(ui, `Your account was not invited to answer this survey for ${clientName}, so we cannot save these answers. If you think this is a mistake, please let the care team know.`);
  } else {
    return false;
  }
  return true;
}

/** What to do about a failure that leaves the answers worth sending again. */
function retryAdvice(error) {
  if (error.status === 0) return `${error.detail} Sending the same answers again is safe: they will only be counted once.`;
  if (error.status === 409) return 'Your answers are still being saved. Please wait a moment, then send them again.';
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a minute: sending the same answers again is safe.';
  return error.detail || error.title || 'Your answers could not be saved. Please try again.';
}
