// The family's rating form for one open survey period: checked here before anything is sent,
// then posted once per set of answers (the Idempotency-Key is kept while the answers stay the same).

import { el, clear } from './dom.js';
import { api, ApiError, seg } from './api.js';
import { calendarDate, dateRange, dayMonth } from './format.js';

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

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

/**
 * Draws the survey section for one person. survey: an entry of /me.surveys, or null to hide it.
 * onAnswered(isoTime) runs once the answers are known to be saved.
 */
export function renderSurvey(section, survey, { clientId, clientName, onAnswered }) {
  if (!survey) {
    section.hidden = true;
    clear(section);
    return;
  }
  section.hidden = false;
  const label = survey.label ?? 'this survey';
  const heading = el('h2', { id: 'survey-heading' }, `How are we doing? (${label})`);
  const confirmation = el('div', { id: 'survey-confirmation', class: 'confirmation', role: 'status', tabindex: '-1', hidden: true });
  const notice = el('p', { id: 'survey-notice', class: 'notice', role: 'alert', tabindex: '-1', hidden: true });

  if (survey.answeredAt) {
    confirmation.textContent = `You answered on ${dayMonth(survey.answeredAt)}. Thank you.`;
    confirmation.hidden = false;
    clear(section, heading, confirmation);
    return;
  }

  const intro = el(
    'p',
    {},
    `Please tell us how the care for ${clientName} has been going. Your answers help the care team and the council see ` +
      'whether the care is making a real difference to daily life. It takes about two minutes',
    survey.closesOn ? `, and you can answer until ${calendarDate(survey.closesOn)}.` : '.',
  );

  const summary = el('div', { id: 'survey-errors', class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const fields = [];
  const ratingFields = (survey.questions ?? []).map((q) => {
    const id = `rating-${q.questionId}`;
    const input = el('input', {
      type: 'number', id, name: q.questionId, inputmode: 'numeric', min: 1, max: 6, step: 1,
      required: true, autocomplete: 'off', class: 'input-number',
    });
    const wrapper = el('div', { class: 'field' }, labelFor(id, q.text, '(1 = not at all, 6 = very much)'), input);
    fields.push({
      input, wrapper, name: q.text, apiField: `ratings.${q.questionId}`, questionId: q.questionId,
      check: () => checkWholeNumber(input, 1, 6),
    });
    return wrapper;
  });

  const recommend = el('input', {
    type: 'number', id: 'recommend', name: 'recommend', inputmode: 'numeric', min: 0, max: 10, step: 1,
    required: true, autocomplete: 'off', class: 'input-number',
  });
  const recommendField = el(
    'div',
    { class: 'field' },
    labelFor('recommend', 'How likely are you to recommend us to a friend or family member?', '(0 = not at all likely, 10 = extremely likely)'),
    recommend,
  );
  fields.push({
    input: recommend, wrapper: recommendField, name: 'Recommending us', apiField: 'recommend',
    check: () => checkWholeNumber(recommend, 0, 10),
  });

  const comment = el('textarea', { id: 'comment', name: 'comment', maxlength: 2000, rows: 5 });
  const commentField = el('div', { class: 'field' }, labelFor('comment', 'Anything you’d like to tell us? (optional)'), comment);
  fields.push({
    input: comment, wrapper: commentField, name: 'Your comment', apiField: 'comment',
    check: () => (comment.value.length > 2000 ? 'Please keep your comment to 2,000 characters or fewer.' : null),
  });

  const button = el('button', { type: 'submit', id: 'submit-rating', class: 'button button-primary' }, 'Send my answers');
  const form = el(
    'form',
    { id: 'survey-form', novalidate: true, class: 'survey-form' },
    summary,
    el('fieldset', {}, el('legend', {}, `Your answers about the care for ${clientName}`), ratingFields, recommendField, commentField),
    button,
  );
  clear(section, heading, intro, form, confirmation, notice);

  // --- errors ---
  const errors = new Map(); // field → {message, errorEl, item}
  let general = [];

  function setError(field, message) {
    clearError(field, false);
    const id = `${field.input.id}-error`;
    const errorEl = el('p', { class: 'field-error', id }, el('span', { class: 'visually-hidden' }, 'Error: '), message);
    field.input.after(errorEl);
    field.input.setAttribute('aria-invalid', 'true');
    field.input.setAttribute('aria-describedby', id);
    field.wrapper.classList.add('field-invalid');
    errors.set(field, { message, errorEl, item: null });
  }

  function clearError(field, updateSummary = true) {
    const error = errors.get(field);
    if (!error) return;
    error.errorEl.remove();
    field.input.removeAttribute('aria-invalid');
    field.input.removeAttribute('aria-describedby');
    field.wrapper.classList.remove('field-invalid');
    errors.delete(field);
    if (updateSummary) {
      // remove the one item rather than redrawing, so the alert is not read out again
      error.item?.remove();
      if (!summary.querySelector('li')) summary.hidden = true;
    }
  }

  function showSummary() {
    const items = fields
      .filter((f) => errors.has(f))
      .map((f) => {
        const error = errors.get(f);
        const link = el('a', { href: `#${f.input.id}` }, `${f.name}: ${lowerFirst(error.message)}`);
        link.addEventListener('click', (event) => {
          event.preventDefault();
          f.wrapper.scrollIntoView({ block: 'start' });
          f.input.focus({ preventScroll: true });
        });
        error.item = el('li', {}, link);
        return error.item;
      });
    items.push(...general.map((text) => el('li', {}, text)));
    if (!items.length) {
      summary.hidden = true;
      clear(summary);
      return;
    }
    clear(summary, el('h3', { class: 'error-summary-title' }, 'There is a problem'), el('ul', {}, items));
    summary.hidden = false;
    summary.focus();
  }

  form.addEventListener('input', (event) => {
    const field = fields.find((f) => f.input === event.target);
    if (field && errors.has(field) && !field.check()) clearError(field);
  });

  // --- endings ---
  function finish(message) {
    form.hidden = true;
    confirmation.textContent = message;
    confirmation.hidden = false;
    confirmation.focus();
  }

  function stop(message) {
    form.hidden = true;
    notice.textContent = message;
    notice.hidden = false;
    notice.focus();
  }

  function showServerErrors(error) {
    general = [];
    const byApiField = new Map(fields.map((f) => [f.apiField, f]));
    for (const item of error.errors) {
      const field = byApiField.get(item.field);
      const message = item.message || 'Please check this answer.';
      if (field) setError(field, /[.!?]$/.test(message) ? message : `${message}.`);
      else general.push(message);
    }
    if (!error.errors.length) general.push(error.detail || error.title || 'Please check your answers.');
    showSummary();
  }

  // --- sending ---
  let pending = null; // {bodyJson, key}: the same answers resent keep their key
  let sending = false;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    general = [];
    for (const field of fields) {
      const message = field.check();
      if (message) setError(field, message);
      else clearError(field, false);
    }
    if (errors.size) {
      showSummary();
      return;
    }
    summary.hidden = true;
    clear(summary);

    const body = { clientId, ratings: {}, recommend: Number(recommend.value.trim()) };
    for (const f of fields) if (f.questionId) body.ratings[f.questionId] = Number(f.input.value.trim());
    const text = comment.value.trim();
    if (text) body.comment = text;
    const bodyJson = JSON.stringify(body);
    if (!pending || pending.bodyJson !== bodyJson) pending = { bodyJson, key: newKey() };

    sending = true;
    button.disabled = true;
    button.textContent = 'Sending…';
    form.setAttribute('aria-busy', 'true');
    try {
      const { status } = await api(`/survey-periods/${seg(survey.periodId)}/responses`, {
        method: 'POST',
        body,
        idempotencyKey: pending.key,
      });
      finish(status === 200 ? 'We already had these answers: thank you.' : `Thank you. Your answers for ${label} are saved.`);
      onAnswered?.(new Date().toISOString());
    } catch (error) {
      if (!(error instanceof ApiError)) {
        general = ['Something went wrong and your answers were not sent. Please try again.'];
        showSummary();
      } else if (error.status === 401) {
        // the page shows the sign-in prompt
      } else if (error.status === 409 && error.slug === 'already-answered') {
        finish(`You have already answered for ${label}. Thank you!`);
        onAnswered?.(new Date().toISOString());
      } else if (error.status === 409 && error.slug === 'survey-period-closed') {
        stop(`This survey closed${survey.closesOn ? ` on ${calendarDate(survey.closesOn)}` : ''}, so we can no longer take answers for ${label}. Thank you for wanting to tell us.`);
      } else if (error.status === 409 && error.slug === 'survey-period-not-open') {
        stop(`This survey is not open for answers at the moment${survey.opensOn && survey.closesOn ? `: it runs from ${dateRange(survey.opensOn, survey.closesOn)}` : ''}.`);
      } else if (error.status === 403) {
        stop(`Your account was not invited to answer this survey for ${clientName}, so we cannot save these answers. If you think this is a mistake, please let the care team know.`);
      } else if ((error.status === 400 || error.status === 422) && error.errors.length) {
        showServerErrors(error);
      } else if (error.status === 0) {
        general = [`${error.detail} Sending the same answers again is safe: they will only be counted once.`];
        showSummary();
      } else if (error.status === 409) {
        general = ['Your answers are still being saved. Please wait a moment, then send them again.'];
        showSummary();
      } else if (error.status >= 500) {
        general = ['Something went wrong on our side. Please try again in a minute: sending the same answers again is safe.'];
        showSummary();
      } else {
        general = [error.detail || error.title || 'Your answers could not be saved. Please try again.'];
        showSummary();
      }
    } finally {
      sending = false;
      button.disabled = false;
      button.textContent = 'Send my answers';
      form.removeAttribute('aria-busy');
    }
  });
}
