// The family page's notification settings: for each person, which updates come by which channel and the
// quiet hours (PUT /me/notification-preferences); the mobile number for texts (/me/phone); and notifications
// on this device (Web Push, asked for only when the button is pressed: see push.js).

import { $, el, clear, setText } from './dom.js';
import { api, getJson, ApiError, friendlyError, newIdempotencyKey } from './api.js';
import {
  pushSupport, permission, subscribeThisDevice, unsubscribeThisDevice, rememberedSubscription, forgetUnlessListed,
} from './push.js';

/** The kinds of update, in the order a family thinks of them, with their words. */
export const KINDS = [
  ['arrived', 'A care worker arrives'],
  ['visit-finished', 'A visit finishes'],
  ['visit-changed', 'A visit is moved or cancelled'],
  ['story-shared', 'A story is shared with you'],
  ['survey-open', 'A survey opens'],
  ['survey-reminder', 'A survey reminder'],
  ['weekly-digest', 'The weekly summary (Sunday evening)'],
  ['visit-late', 'A visit is running late'],
  ['visit-missed', 'A visit was missed'],
];
const URGENT = new Set(['visit-late', 'visit-missed']);
const CHANNELS = [
  ['email', 'E-mail'],
  ['sms', 'Text message'],
  ['push', 'Notification'],
];
const SHORT_NAMES = { email: 'E-mail', sms: 'Text', push: 'Notification' }; // beside the boxes on a phone
const TIME = /^\d{2}:\d{2}$/;

const ns = {
  sub: null, // the signed-in user's subject: this browser's push subscription is remembered per user
  settings: null,
  loading: false,
  forms: [],
  pushBusy: false,
};

const lowerFirst = (text) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);
const sentence = (text) => {
  const t = String(text ?? '').trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
};
const channelsAvailable = () => CHANNELS.map(([c]) => c).filter((c) => (ns.settings?.channelsAvailable ?? []).includes(c));
const smsUsable = () => Boolean(ns.settings?.contact?.phoneVerified) && !ns.settings?.contact?.smsStopped;

// ---------- opening and loading ----------

/** Shows the Notifications button; the settings load the first time it is pressed (or at #notifications). */
export function setUpNotifications({ sub }) {
  ns.sub = sub;
  const button = $('#notifications-button');
  button.hidden = false;
  button.addEventListener('click', () => toggle($('#notifications').hidden));
  $('#notifications-close').addEventListener('click', () => toggle(false));
  if (location.hash === '#notifications') toggle(true);
}

function toggle(open) {
  const section = $('#notifications');
  const button = $('#notifications-button');
  section.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (!open) {
    button.focus();
    return;
  }
  section.scrollIntoView({ block: 'start' });
  section.focus({ preventScroll: true });
  if (!ns.settings && !ns.loading) load();
}

async function load() {
  const body = $('#notifications-body');
  ns.loading = true;
  clear(body, el('p', { role: 'status' }, 'Loading your notification settings…'));
  try {
    ns.settings = await getJson('/me/notification-preferences');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return; // the page asks to sign in again
    const retry = el('button', { type: 'button', class: 'button button-secondary' }, 'Try again');
    retry.addEventListener('click', load);
    clear(body, el('p', { class: 'error-panel', role: 'alert' }, friendlyError(error, 'your notification settings')), retry);
    return;
  } finally {
    ns.loading = false;
  }
  render();
}

function render() {
  const s = ns.settings;
  const channels = channelsAvailable();
  forgetUnlessListed(ns.sub, s.pushSubscriptions);
  if (!channels.length) {
    ns.forms = [];
    clear($('#notifications-body'), el('p', { class: 'notice' }, 'Your care provider does not send notifications yet.'));
    return;
  }
  ns.forms = (s.people ?? []).map((person) => personForm(person, channels));
  clear(
    $('#notifications-body'),
    el('div', { id: 'contact-notes' }),
    el('p', {}, 'Choose what you hear about and how. ', channels.includes('push')
      ? '“Notification” means a message that pops up on the phones, tablets or computers where you turn notifications on (see “Notifications on this device” below).'
      : null),
    ns.forms.length ? ns.forms.map((f) => f.section) : el('p', { class: 'empty' }, 'Nobody is linked to your account yet.'),
    channels.includes('sms') ? phonePart() : null,
    channels.includes('push') ? devicePart() : null,
  );
  renderContact();
  if (channels.includes('push')) renderDevice();
}

// ---------- how we reach you ----------

function renderContact() {
  const contact = ns.settings.contact ?? {};
  const channels = channelsAvailable();
  const notes = [];
  if (channels.includes('email')) {
    notes.push(contact.email
      ? el('p', { id: 'email-line' }, 'E-mails go to ', el('strong', {}, contact.email), ', the address you sign in with.')
      : el('p', { id: 'email-line' }, 'We do not have an e-mail address for you yet, so no e-mails can be sent.'));
    if (contact.email && contact.emailSuppressed) {
      notes.push(el('p', { id: 'email-suppressed', class: 'notice', role: 'alert' },
        `E-mails to ${contact.email} could not be delivered or were marked as spam, so we have stopped sending them. `
          + 'If the address is right, please ask the care team to check it.'));
    }
  }
  if (channels.includes('sms') && contact.smsStopped) {
    notes.push(el('p', { id: 'sms-stopped', class: 'notice', role: 'alert' },
      `Your mobile number ${contact.phone ?? ''} replied STOP, so we send it no text messages. `
        + 'To have texts again, confirm the number again under “Your mobile number”.'));
  }
  clear($('#contact-notes'), notes);
  for (const form of ns.forms) form.applySms();
  if (channels.includes('sms')) renderPhone();
}

// ---------- one person's choices ----------

function personForm(person, channels) {
  const prefix = `np-${person.clientId}`;
  const id = (part) => `${prefix}-${part}`;
  const ui = { person, fields: [], errors: new Map(), general: [], sending: false };

  // the table: a row per kind of update, a column per channel
  const boxes = new Map(); // kind → Map(channel → checkbox)
  const smsNoteId = id('sms-note');
  const rows = KINDS.map(([kind, label]) => {
    const byChannel = new Map();
    boxes.set(kind, byChannel);
    const heading = el('th', { scope: 'row', id: id(kind) }, label,
      URGENT.has(kind) ? el('span', { class: 'hint' }, 'Always comes through, even in quiet hours') : null);
    const cells = channels.map((channel) => {
      const boxId = id(`${kind}-${channel}`);
      const box = el('input', { type: 'checkbox', id: boxId, name: `${kind}.${channel}`, value: channel,
        dataset: { kind, channel } });
      byChannel.set(channel, box);
      const channelName = CHANNELS.find(([c]) => c === channel)[1];
      // the full name for screen readers; the channel's name is shown beside the box only on a phone,
      // where the table's columns become a row of labelled boxes under each update
      return el('td', { class: 'check-cell' }, el('label', { for: boxId, class: 'check' }, box,
        el('span', { class: 'visually-hidden' }, `${channelName}: ${label}`),
        el('span', { class: 'check-name', 'aria-hidden': 'true' }, SHORT_NAMES[channel])));
    });
    const row = el('tr', { dataset: { kind } }, heading, cells);
    ui.fields.push({ key: `channels.${kind}`, name: label, inputs: [...byChannel.values()], wrapper: row, errorIn: heading });
    return row;
  });
  const table = el('div', { class: 'table-wrap' }, el('table', { class: 'choices-table' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Update'),
      channels.map((c) => el('th', { scope: 'col', class: 'check-cell' }, CHANNELS.find(([k]) => k === c)[1])))),
    el('tbody', {}, rows)));
  const smsNote = channels.includes('sms') ? el('p', { id: smsNoteId, class: 'hint' }) : null;

  // quiet hours
  const from = el('input', { type: 'time', id: id('quiet-from'), name: 'from', required: true, step: 60 });
  const until = el('input', { type: 'time', id: id('quiet-until'), name: 'until', required: true, step: 60 });
  const hold = el('input', { type: 'radio', id: id('quiet-hold'), name: id('quiet-mode'), value: 'hold' });
  const drop = el('input', { type: 'radio', id: id('quiet-drop'), name: id('quiet-mode'), value: 'drop' });
  const zone = ns.settings.timeZone === 'Europe/London' ? 'UK time' : `${ns.settings.timeZone ?? 'the care provider’s'} time`;
  const fromField = el('div', { class: 'field' }, el('label', { for: from.id }, 'From'), from);
  const untilField = el('div', { class: 'field' }, el('label', { for: until.id }, 'Until'), until);
  const modes = el('fieldset', { class: 'radios', id: id('quiet-mode') },
    el('legend', {}, 'Updates that come during quiet hours'),
    el('div', { class: 'radio' }, hold, el('label', { for: hold.id }, 'Hold until the morning',
      el('span', { class: 'hint' }, 'We send them when your quiet hours end.'))),
    el('div', { class: 'radio' }, drop, el('label', { for: drop.id }, 'Drop',
      el('span', { class: 'hint' }, 'We do not send them at all.'))));
  ui.fields.push(
    { key: 'quietHours.from', name: 'From', inputs: [from], wrapper: fromField, errorIn: fromField },
    { key: 'quietHours.until', name: 'Until', inputs: [until], wrapper: untilField, errorIn: untilField },
    { key: 'quietHours.holdUntilMorning', name: 'During quiet hours', inputs: [hold, drop], wrapper: modes, errorIn: modes },
  );

  const summary = el('div', { id: id('errors'), class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
  const button = el('button', { type: 'submit', id: id('save'), class: 'button button-primary' }, 'Save these settings');
  const confirmation = el('div', { id: id('saved'), class: 'confirmation', role: 'status', 'aria-live': 'polite', tabindex: '-1', hidden: true });
  const form = el('form', { id: id('form'), class: 'prefs-form', novalidate: true, dataset: { clientId: person.clientId } },
    summary,
    el('fieldset', {}, el('legend', {}, `What to tell you about ${person.clientName ?? 'this person'}, and how`), table, smsNote),
    el('fieldset', { class: 'quiet' }, el('legend', {}, 'Quiet hours'),
      el('p', { class: 'hint' }, `Times are ${zone}.`),
      el('div', { class: 'quiet-times' }, fromField, untilField),
      modes,
      el('p', { class: 'urgent-note' }, 'Late and missed visits always come through, even in quiet hours.')),
    button);
  // a heading per person only when there are several: the legend already names the one
  const several = (ns.settings.people ?? []).length > 1;
  const section = el('section', { class: 'person-settings', 'aria-label': person.clientName ?? person.clientId },
    several ? el('h3', {}, person.clientName ?? person.clientId) : null, form, confirmation);

  Object.assign(ui, { boxes, from, until, hold, drop, summary, button, confirmation, form, section, smsNote, channels });

  ui.fill = (choices) => {
    for (const [kind, byChannel] of boxes) {
      const chosen = choices.channels?.[kind] ?? [];
      for (const [channel, box] of byChannel) box.checked = chosen.includes(channel);
    }
    from.value = choices.quietHours?.from ?? '';
    until.value = choices.quietHours?.until ?? '';
    (choices.quietHours?.holdUntilMorning === false ? drop : hold).checked = true;
    ui.applySms();
  };
  ui.applySms = () => {
    if (!smsNote) return;
    const usable = smsUsable();
    const contact = ns.settings.contact ?? {};
    for (const byChannel of boxes.values()) {
      const box = byChannel.get('sms');
      box.disabled = !usable;
      if (!usable) {
        box.checked = false;
        box.setAttribute('aria-describedby', smsNoteId);
      } else {
        box.removeAttribute('aria-describedby');
      }
    }
    smsNote.hidden = usable;
    smsNote.textContent = contact.smsStopped
      ? 'Text messages are off because your number replied STOP. Confirm your number again below to choose them.'
      : 'To choose text messages, add your mobile number below and confirm it with the code we text you.';
  };

  ui.fill(person);
  form.addEventListener('input', (event) => {
    confirmation.hidden = true;
    const field = ui.fields.find((f) => f.inputs.includes(event.target));
    if (field && ui.errors.has(field)) clearFieldError(ui, field);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(ui);
  });
  return ui;
}

// ---------- errors (the survey form's style: inline, and a summary that links to each) ----------

function setFieldError(ui, field, message) {
  clearFieldError(ui, field, false);
  const errorId = `${field.inputs[0].id}-error`;
  const errorEl = el('p', { class: 'field-error', id: errorId }, el('span', { class: 'visually-hidden' }, 'Error: '), message);
  field.errorIn.append(errorEl);
  for (const input of field.inputs) {
    input.setAttribute('aria-invalid', 'true');
    input.dataset.describedBy = input.getAttribute('aria-describedby') ?? '';
    input.setAttribute('aria-describedby', [input.dataset.describedBy, errorId].filter(Boolean).join(' '));
  }
  field.wrapper.classList.add('field-invalid');
  ui.errors.set(field, { message, errorEl, item: null });
}

function clearFieldError(ui, field, updateSummary = true) {
  const error = ui.errors.get(field);
  if (!error) return;
  error.errorEl.remove();
  for (const input of field.inputs) {
    input.removeAttribute('aria-invalid');
    if (input.dataset.describedBy) input.setAttribute('aria-describedby', input.dataset.describedBy);
    else input.removeAttribute('aria-describedby');
    delete input.dataset.describedBy;
  }
  field.wrapper.classList.remove('field-invalid');
  ui.errors.delete(field);
  if (updateSummary) {
    error.item?.remove();
    if (!ui.summary.querySelector('li')) ui.summary.hidden = true;
  }
}

function showSummary(ui) {
  const items = ui.fields.filter((f) => ui.errors.has(f)).map((field) => {
    const error = ui.errors.get(field);
    const target = field.inputs.find((i) => !i.disabled) ?? field.inputs[0];
    const link = el('a', { href: `#${target.id}` }, `${field.name}: ${lowerFirst(error.message)}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      field.wrapper.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    });
    error.item = el('li', {}, link);
    return error.item;
  });
  items.push(...ui.general.map((text) => el('li', {}, text)));
  if (!items.length) {
    ui.summary.hidden = true;
    clear(ui.summary);
    return;
  }
  clear(ui.summary, el('h4', { class: 'error-summary-title' }, 'There is a problem'), el('ul', {}, items));
  ui.summary.hidden = false;
  ui.summary.focus();
}

function clearAllErrors(ui) {
  for (const field of [...ui.errors.keys()]) clearFieldError(ui, field, false);
  ui.general = [];
  ui.summary.hidden = true;
  clear(ui.summary);
}

/** The API's words for a field, as a sentence for a person. */
function friendlyFieldMessage(key, message) {
  const m = String(message ?? '');
  if (key === 'quietHours.until' && /differ/i.test(m)) return 'Quiet hours must end at a different time from when they start.';
  if (key.startsWith('quietHours.') && /HH:mm/.test(m)) return 'Enter a time as hours and minutes, for example 21:00.';
  if (key.startsWith('channels.') && /verified mobile/i.test(m)) return 'Text messages need a confirmed mobile number first.';
  if (key.startsWith('channels.') && /not offered/i.test(m)) return sentence(m.replace('this provider', 'your care provider'));
  return sentence(m) || 'Please check this.';
}

// ---------- saving ----------

/** What the page checks before sending: both times given. The API judges the rest (e.g. from = until). */
function checkTimes(ui) {
  let ok = true;
  for (const [input, key] of [[ui.from, 'quietHours.from'], [ui.until, 'quietHours.until']]) {
    const field = ui.fields.find((f) => f.key === key);
    if (!TIME.test(input.value.slice(0, 5)) || input.validity?.badInput) {
      setFieldError(ui, field, 'Enter a time as hours and minutes, for example 21:00.');
      ok = false;
    }
  }
  return ok;
}

function choicesBody(ui) {
  const channels = {};
  for (const [kind, byChannel] of ui.boxes) {
    channels[kind] = [...byChannel].filter(([, box]) => box.checked && !box.disabled).map(([channel]) => channel);
  }
  return {
    clientId: ui.person.clientId,
    channels,
    quietHours: { from: ui.from.value.slice(0, 5), until: ui.until.value.slice(0, 5), holdUntilMorning: !ui.drop.checked },
  };
}

function setSending(ui, sending) {
  ui.sending = sending;
  ui.button.disabled = sending;
  ui.button.textContent = sending ? 'Saving…' : 'Save these settings';
  if (sending) ui.form.setAttribute('aria-busy', 'true');
  else ui.form.removeAttribute('aria-busy');
}

async function save(ui) {
  if (ui.sending) return;
  ui.confirmation.hidden = true;
  clearAllErrors(ui);
  if (!checkTimes(ui)) {
    showSummary(ui);
    return;
  }
  const body = choicesBody(ui);
  setSending(ui, true);
  try {
    const { data } = await api('/me/notification-preferences', { method: 'PUT', body, idempotencyKey: newIdempotencyKey() });
    const saved = data && typeof data === 'object' ? { ...ui.person, ...data } : { ...ui.person, ...body };
    const people = ns.settings.people ?? [];
    if (people.includes(ui.person)) people[people.indexOf(ui.person)] = saved;
    ui.person = saved;
    ui.fill(saved);
    const q = saved.quietHours;
    ui.confirmation.textContent = `Saved. We will tell you about ${saved.clientName ?? 'this person'} as you chose`
      + (q ? `, with quiet hours from ${q.from} to ${q.until}.` : '.');
    ui.confirmation.hidden = false;
    ui.confirmation.focus();
  } catch (error) {
    showSaveFailure(ui, error);
  } finally {
    setSending(ui, false);
  }
}

function showSaveFailure(ui, error) {
  if (!(error instanceof ApiError)) {
    ui.general = ['Something went wrong and your settings were not saved. Please try again.'];
  } else if (error.status === 401) {
    return; // the page shows the sign-in prompt
  } else if (error.status === 400 && error.errors.length) {
    for (const item of error.errors) {
      const field = ui.fields.find((f) => f.key === item.field);
      if (field) setFieldError(ui, field, friendlyFieldMessage(item.field, item.message));
      else ui.general.push(sentence(item.message));
    }
  } else if (error.status === 404) {
    ui.general = [`${ui.person.clientName ?? 'This person'} is no longer linked to your account, so these settings cannot be saved.`];
  } else if (error.status === 409) {
    ui.general = ['Your last change is still being saved. Please wait a moment, then save again.'];
  } else if (error.status === 0) {
    ui.general = [`${error.detail} Your settings were not saved.`];
  } else if (error.status >= 500) {
    ui.general = ['Something went wrong on our side and your settings were not saved. Please try again in a few minutes.'];
  } else {
    ui.general = [sentence(error.detail || error.title || 'Your settings were not saved. Please try again.')];
  }
  showSummary(ui);
}

// ---------- the mobile number ----------

const phoneUi = {};

function inlineError(input, message) {
  clearInlineError(input);
  const errorEl = el('p', { class: 'field-error', id: `${input.id}-error` }, el('span', { class: 'visually-hidden' }, 'Error: '), message);
  input.after(errorEl);
  input.setAttribute('aria-invalid', 'true');
  input.setAttribute('aria-describedby', [input.dataset.hintId, errorEl.id].filter(Boolean).join(' '));
  input.closest('.field')?.classList.add('field-invalid');
  input.focus();
}

function clearInlineError(input) {
  document.getElementById(`${input.id}-error`)?.remove();
  input.removeAttribute('aria-invalid');
  if (input.dataset.hintId) input.setAttribute('aria-describedby', input.dataset.hintId);
  else input.removeAttribute('aria-describedby');
  input.closest('.field')?.classList.remove('field-invalid');
}

function phonePart() {
  const phone = el('input', { type: 'tel', id: 'phone', name: 'phone', autocomplete: 'tel', inputmode: 'tel',
    class: 'input-wide', spellcheck: 'false', dataset: { hintId: 'phone-hint' }, 'aria-describedby': 'phone-hint' });
  const code = el('input', { type: 'text', id: 'phone-code', name: 'code', autocomplete: 'one-time-code',
    inputmode: 'numeric', maxlength: 6, class: 'input-number', spellcheck: 'false' });
  const codeLabel = el('label', { for: 'phone-code' }, 'The 6-digit code we texted you');
  const phoneForm = el('form', { id: 'phone-form', novalidate: true },
    el('div', { class: 'field' },
      el('label', { for: 'phone' }, 'Mobile number'),
      el('span', { class: 'hint', id: 'phone-hint' }, 'With the country code, for example +447700900123.'),
      phone),
    el('button', { type: 'submit', id: 'phone-send', class: 'button button-secondary' }, 'Text me a code'));
  const codeForm = el('form', { id: 'phone-code-form', novalidate: true, hidden: true },
    el('div', { class: 'field' }, codeLabel, code),
    el('button', { type: 'submit', id: 'phone-verify', class: 'button button-primary' }, 'Confirm the number'));
  const remove = el('button', { type: 'button', id: 'phone-remove', class: 'button button-secondary', hidden: true }, 'Remove my number');
  const state = el('p', { id: 'phone-state' });
  const status = el('p', { id: 'phone-status', role: 'status', 'aria-live': 'polite' });
  const problem = el('p', { id: 'phone-problem', class: 'error-text', role: 'alert', hidden: true });
  Object.assign(phoneUi, { phone, code, codeLabel, phoneForm, codeForm, remove, state, status, problem });

  phone.addEventListener('input', () => clearInlineError(phone));
  code.addEventListener('input', () => clearInlineError(code));
  phoneForm.addEventListener('submit', (event) => {
    event.preventDefault();
    sendCode();
  });
  codeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    verifyCode();
  });
  remove.addEventListener('click', removePhone);

  return el('section', { id: 'phone-section', class: 'reach', 'aria-labelledby': 'phone-heading' },
    el('h3', { id: 'phone-heading' }, 'Your mobile number'),
    el('p', {}, 'For text messages. We use a number only after you type back the code we send to it.'),
    state, phoneForm, codeForm, el('p', {}, remove), problem, status);
}

function renderPhone() {
  const c = ns.settings.contact ?? {};
  const ui = phoneUi;
  if (c.phoneVerified && c.phone) {
    setText(ui.state, c.smsStopped ? `Your number is ${c.phone}, but it asked for no texts (STOP).` : `Texts go to ${c.phone}.`);
  } else {
    setText(ui.state, 'You have not added a mobile number yet.');
  }
  ui.remove.hidden = !(c.phone || c.pendingPhone);
  ui.codeForm.hidden = !c.pendingPhone;
  ui.codeLabel.textContent = c.pendingPhone ? `The 6-digit code we texted to ${c.pendingPhone}` : 'The 6-digit code we texted you';
  ui.phoneForm.querySelector('label').textContent = smsUsable() ? 'A different mobile number' : 'Mobile number';
}

function showPhoneProblem(text) {
  phoneUi.problem.textContent = text;
  phoneUi.problem.hidden = !text;
}

function phoneFailure(error, input, fieldName) {
  if (!(error instanceof ApiError)) return showPhoneProblem('Something went wrong. Please try again.');
  if (error.status === 401) return undefined;
  const own = error.errors.find((e) => e.field === fieldName);
  if (error.status === 400 && own) {
    const message = fieldName === 'code' && /not the code/.test(own.message)
      ? 'That is not the code we sent. Please check it and try again.'
      : fieldName === 'phone'
        ? 'Enter the number with its country code, starting with +, for example +447700900123.'
        : sentence(own.message);
    inlineError(input, message);
    return undefined;
  }
  if (error.status === 429) return showPhoneProblem('We have sent as many codes as we can today. Please try again tomorrow.');
  if (error.status === 409 && fieldName === 'code') return showPhoneProblem('There is no code waiting, or it has expired. Ask for a new code.');
  if (error.status === 422 && fieldName === 'phone') return showPhoneProblem('Your care provider does not send text messages.');
  if (error.status === 0) return showPhoneProblem(error.detail);
  if (error.status >= 500 && !error.detail) return showPhoneProblem('Something went wrong on our side. Please try again in a few minutes.');
  return showPhoneProblem(sentence(error.detail || error.title));
}

async function phoneCall(button, fn) {
  showPhoneProblem('');
  button.disabled = true;
  try {
    await fn();
  } finally {
    button.disabled = false;
  }
}

function sendCode() {
  const input = phoneUi.phone;
  const number = input.value.replace(/[\s().-]/g, '').replace(/^00/, '+');
  if (!/^\+[1-9]\d{7,14}$/.test(number)) {
    inlineError(input, 'Enter the number with its country code, starting with +, for example +447700900123.');
    return undefined;
  }
  return phoneCall($('#phone-send'), async () => {
    try {
      const { data } = await api('/me/phone', { method: 'PUT', body: { phone: number }, idempotencyKey: newIdempotencyKey() });
      ns.settings.contact = { ...ns.settings.contact, ...data };
      input.value = '';
      renderContact();
      setText(phoneUi.status, `We have texted a code to ${data?.pendingPhone ?? number}. It lasts 10 minutes.`);
      phoneUi.code.focus();
    } catch (error) {
      phoneFailure(error, input, 'phone');
    }
  });
}

function verifyCode() {
  const input = phoneUi.code;
  const code = input.value.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) {
    inlineError(input, 'Enter the 6 digits of the code we texted you.');
    return undefined;
  }
  return phoneCall($('#phone-verify'), async () => {
    try {
      const { data } = await api('/me/phone/verify', { method: 'POST', body: { code }, idempotencyKey: newIdempotencyKey() });
      ns.settings.contact = { ...ns.settings.contact, ...data, pendingPhone: data?.pendingPhone ?? null };
      input.value = '';
      renderContact();
      setText(phoneUi.status, 'Your number is confirmed. You can now choose text messages above, then save.');
    } catch (error) {
      phoneFailure(error, input, 'code');
    }
  });
}

function removePhone() {
  return phoneCall(phoneUi.remove, async () => {
    try {
      await api('/me/phone', { method: 'DELETE', idempotencyKey: newIdempotencyKey() });
      ns.settings.contact = { ...ns.settings.contact, phone: null, pendingPhone: null, phoneVerified: false, smsStopped: false };
      renderContact();
      setText(phoneUi.status, 'Your mobile number is removed. We will not send you text messages.');
    } catch (error) {
      phoneFailure(error, phoneUi.phone, 'none');
    }
  });
}

// ---------- notifications on this device (Web Push) ----------

const deviceUi = {};

function devicePart() {
  const subscribe = el('button', { type: 'button', id: 'push-subscribe', class: 'button button-primary' }, 'Get notifications on this device');
  const unsubscribe = el('button', { type: 'button', id: 'push-unsubscribe', class: 'button button-secondary', hidden: true }, 'Stop notifications on this device');
  const state = el('p', { id: 'push-state' });
  const status = el('p', { id: 'push-status', role: 'status', 'aria-live': 'polite' });
  Object.assign(deviceUi, { subscribe, unsubscribe, state, status });
  subscribe.addEventListener('click', turnOn);
  unsubscribe.addEventListener('click', turnOff);
  return el('section', { id: 'device-section', class: 'reach', 'aria-labelledby': 'device-heading' },
    el('h3', { id: 'device-heading' }, 'Notifications on this device'), state,
    el('p', { class: 'device-buttons' }, subscribe, ' ', unsubscribe), status);
}

function thisDeviceSubscribed() {
  const id = rememberedSubscription(ns.sub);
  return Boolean(id) && permission() === 'granted'
    && (ns.settings.pushSubscriptions ?? []).some((s) => s.subscriptionId === id);
}

const DENIED_HELP = 'Notifications are blocked for this site in this browser. To allow them, open the site’s settings '
  + '(the icon just left of the web address), set Notifications to Allow, then press the button again.';

function renderDevice() {
  const d = deviceUi;
  const support = pushSupport();
  let text;
  let canAsk = true;
  if (!ns.settings.vapidPublicKey) {
    text = 'Your care provider does not send notifications to phones or computers. You can still choose e-mail or text messages.';
    canAsk = false;
  } else if (support === 'insecure') {
    text = 'Notifications need a secure (https) connection to this site, so they cannot be turned on here.';
    canAsk = false;
  } else if (support !== 'ok') {
    text = 'This browser cannot show notifications from websites. On an iPhone or iPad, first add this site to your '
      + 'Home Screen (Share, then “Add to Home Screen”), open it from there and press the button again.';
    canAsk = false;
  } else if (thisDeviceSubscribed()) {
    text = 'This device shows your notifications. Choose which updates come as notifications in the tables above.';
  } else if (permission() === 'denied') {
    text = DENIED_HELP;
  } else {
    text = 'Press the button to have notifications pop up on this phone, tablet or computer. Your browser will ask '
      + 'whether to allow them.';
  }
  setText(d.state, text);
  const subscribed = canAsk && thisDeviceSubscribed();
  d.subscribe.hidden = !canAsk || subscribed;
  d.unsubscribe.hidden = !subscribed;
}

async function turnOn() {
  if (ns.pushBusy) return;
  ns.pushBusy = true;
  deviceUi.subscribe.disabled = true;
  setText(deviceUi.status, 'Setting up notifications…');
  try {
    const device = await subscribeThisDevice({ sub: ns.sub, vapidPublicKey: ns.settings.vapidPublicKey });
    const list = (ns.settings.pushSubscriptions ?? []).filter((s) => s.subscriptionId !== device?.subscriptionId);
    ns.settings.pushSubscriptions = device ? [...list, device] : list;
    setText(deviceUi.status, 'Done: this device will show your notifications.');
  } catch (error) {
    setText(deviceUi.status, pushFailureText(error));
  } finally {
    ns.pushBusy = false;
    deviceUi.subscribe.disabled = false;
    renderDevice();
  }
}

function pushFailureText(error) {
  switch (error?.reason) {
    case 'denied':
      return DENIED_HELP;
    case 'dismissed':
      return 'Notifications were not allowed. Press the button again when you are ready.';
    case 'api':
      return error.cause instanceof ApiError && error.cause.status === 401
        ? ''
        : `This device could not be added: ${lowerFirst(friendlyError(error.cause, 'your notification settings'))}`;
    default:
      console.warn('Web Push could not be set up', error?.cause ?? error);
      return 'This browser could not set up notifications just now. Please try again later, or choose e-mail or text messages instead.';
  }
}

async function turnOff() {
  if (ns.pushBusy) return;
  ns.pushBusy = true;
  deviceUi.unsubscribe.disabled = true;
  const id = rememberedSubscription(ns.sub);
  try {
    await unsubscribeThisDevice({ sub: ns.sub });
    ns.settings.pushSubscriptions = (ns.settings.pushSubscriptions ?? []).filter((s) => s.subscriptionId !== id);
    setText(deviceUi.status, 'Notifications are off on this device.');
  } catch (error) {
    setText(deviceUi.status, pushFailureText(error));
  } finally {
    ns.pushBusy = false;
    deviceUi.unsubscribe.disabled = false;
    renderDevice();
  }
}
