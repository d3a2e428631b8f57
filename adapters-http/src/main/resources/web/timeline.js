/*
 * The lead's timeline: one card per action log (messages, tool calls, metadata, the decision buttons of
 * drafts and follow-ups), merged newest first as polling brings new logs.
 */
import { apiPost, handleFailure } from './api.js';
import { $, clampedText, docLink, el, formatSize, humanize, kvList, measureClamps, plainText, statusPill, timeEl } from './dom.js';

/** What a decision button does afterwards (reload the lead, show an error): lead.js sets it. */
var decided = { reload: function () {}, showError: function () {} };

export function onDecision(reload, showError) {
  decided = { reload: reload, showError: showError };
}

export function badgeText(log) { return log.eventType || humanize(log.type || 'activity'); }

export function badgeClass(log) {
  var key = (log.eventType || log.type || '').toLowerCase();
  if (/call|meeting/.test(key)) { return 'badge-call'; }
  if (/error|fail/.test(key) || log.status === 'FAILED') { return 'badge-error'; }
  if (/message|email|sms/.test(key)) { return 'badge-message'; }
  if (/document|upload/.test(key)) { return 'badge-document'; }
  if (/status|update|portal/.test(key)) { return 'badge-update'; }
  if (log.eventType) { return 'badge-custom'; }
  return 'badge-system';
}

export function card(log) {
  var title = log.title || log.summary || humanize(log.type || 'Activity');
  var headingId = 'log-' + log.id;
  var article = el('article', { 'class': 'tl-card', 'aria-labelledby': headingId },
    el('div', { 'class': 'tl-meta' },
      el('span', { 'class': 'badge ' + badgeClass(log), text: badgeText(log) }),
      log.eventType && log.type && log.type !== 'API_ACTIVITY' ? el('span', { 'class': 'type-label', text: humanize(log.type) }) : null,
      log.status && log.status !== 'COMPLETED' ? statusPill(log.status) : null,
      el('span', { 'class': 'tl-time' }, timeEl(log.createdAt))),
    el('h3', { 'class': 'tl-title', id: headingId, text: title }));
  if (log.description) { article.appendChild(clampedText(log.description, 'tl-desc')); }
  if (log.error) { article.appendChild(el('p', { 'class': 'tl-error', text: log.error })); }
  (log.messages || []).forEach(function (m) { article.appendChild(messageEl(m)); });
  if (log.scheduledAt && log.status === 'PENDING') {
    article.appendChild(el('p', { 'class': 'muted small tl-scheduled' }, 'Scheduled for ', timeEl(log.scheduledAt)));
  }
  if (log.status === 'AWAITING_APPROVAL') {
    article.appendChild(decisions(log, [['approve', 'Approve & send', 'btn-primary'], ['reject', 'Reject', '']]));
  } else if (log.status === 'PENDING' && log.type === 'FOLLOW_UP_MESSAGE') {
    article.appendChild(decisions(log, [['cancel', 'Cancel follow-up', '']]));
  }
  var calls = Array.isArray(log.toolCalls) ? log.toolCalls : [];
  if (calls.length) {
    var callsId = 'calls-' + log.id;
    article.appendChild(el('section', { 'class': 'tl-tools', 'aria-labelledby': callsId },
      el('h4', { id: callsId, text: calls.length === 1 ? '1 tool call' : calls.length + ' tool calls' }),
      el('ul', { 'class': 'tool-calls' }, calls.map(toolCallEl))));
  }
  if (log.metadata && typeof log.metadata === 'object' && Object.keys(log.metadata).length) {
    var detailsId = 'details-' + log.id;
    article.appendChild(el('section', { 'class': 'tl-details', 'aria-labelledby': detailsId },
      el('h4', { id: detailsId, text: 'Details' }),
      kvList(log.metadata, false)));
  }
  return el('li', { 'class': 'tl-item', 'data-log-id': log.id, 'data-created-at': log.createdAt }, article);
}

/** Buttons for a draft (approve, reject) or a pending follow-up (cancel); the page reloads the lead after. */
function decisions(log, actions) {
  var box = el('div', { 'class': 'tl-actions' });
  actions.forEach(function (a) {
    var button = el('button', { type: 'button', 'class': ('btn ' + a[2]).trim(), 'data-action': a[0], text: a[1] });
    button.addEventListener('click', function () {
      Array.prototype.forEach.call(box.querySelectorAll('button'), function (b) { b.disabled = true; });
      apiPost('/api/v1/action-logs/' + encodeURIComponent(log.id) + '/' + a[0])
        .catch(function (err) { handleFailure(err, decided.showError); })
        .then(function () { decided.reload(); });
    });
    box.appendChild(button);
  });
  return box;
}

/** A tool call under the log it served: its name, status, and what went in and came out. */
function toolCallEl(call) {
  var name = call.tool && typeof call.tool.name === 'string' ? call.tool.name : 'tool';
  return el('li', { 'class': 'tool-call', 'data-log-id': call.id },
    el('div', { 'class': 'tool-head' },
      el('code', { 'class': 'tool-name', text: name }),
      call.status && call.status !== 'COMPLETED' ? statusPill(call.status) : null),
    call.error ? el('p', { 'class': 'tl-error', text: call.error }) : null,
    call.input && typeof call.input === 'object' && Object.keys(call.input).length
      ? el('div', { 'class': 'tool-io' }, el('span', { 'class': 'muted small', text: 'Input' }), kvList(call.input, true)) : null,
    call.output && typeof call.output === 'object' && Object.keys(call.output).length
      ? el('div', { 'class': 'tool-io' }, el('span', { 'class': 'muted small', text: 'Output' }), kvList(call.output, true)) : null);
}

/** What a card shows that can change after it was first drawn (a draft approved, a follow-up sent). */
function cardState(log) {
  return [log.status, log.type, log.scheduledAt || '', (log.toolCalls || []).length, (log.messages || []).length].join('|');
}

function messageEl(m) {
  var inbound = String(m.direction || '').toUpperCase() === 'INBOUND';
  var docs = Array.isArray(m.documents) ? m.documents : [];
  return el('div', { 'class': 'message ' + (inbound ? 'message-in' : 'message-out') },
    el('div', { 'class': 'message-head' },
      el('span', { 'class': 'chip chip-channel', text: m.channel || 'Message' }),
      el('span', { 'class': 'direction', text: inbound ? '↓ Inbound' : '↑ Outbound' })),
    m.subject ? el('p', { 'class': 'message-subject', text: m.subject }) : null,
    m.body ? clampedText(plainText(m.body), 'message-body') : null,
    docs.length ? el('ul', { 'class': 'check-docs' }, docs.map(function (d) {
      return el('li', null, docLink(d), d.size ? el('span', { 'class': 'muted small', text: ' ' + formatSize(d.size) }) : null);
    })) : null);
}

/**
 * Adds logs not shown yet (leadState: the lead view's state, whose seen map this keeps), keeping newest first; cards already shown keep their state (e.g. expanded)
 * unless the log itself changed (a draft approved, a follow-up sent), which redraws that card. Tool
 * calls made for another log are shown under it, not as cards of their own.
 */
export function mergeTimeline(leadState, logs) {
  var list = $('timeline');
  var shown = logs.filter(function (log) { return !(log.type === 'TOOL_CALL' && log.parentActionId); });
  var fresh = shown.filter(function (log) { return !leadState.seen[log.id]; });
  var isUpdate = list.children.length > 0;
  shown.forEach(function (log) {
    var seen = leadState.seen[log.id];
    if (!seen || seen === cardState(log)) { return; }
    leadState.seen[log.id] = cardState(log);
    var old = list.querySelector('[data-log-id="' + String(log.id).replace(/[^0-9a-f-]/gi, '') + '"]');
    if (old && old.parentNode === list) {
      var redrawn = card(log);
      list.replaceChild(redrawn, old);
      measureClamps(redrawn);
    }
  });
  fresh.forEach(function (log) {
    leadState.seen[log.id] = cardState(log);
    var item = card(log);
    if (isUpdate) { item.classList.add('tl-new'); }
    insertSorted(list, item);
  });
  $('timeline-empty').hidden = list.children.length > 0;
  if (fresh.length) {
    measureClamps(list);
    if (isUpdate) {
      $('timeline-announcer').textContent = fresh.length === 1
        ? 'New activity: ' + (fresh[0].title || fresh[0].summary || '') : fresh.length + ' new activities';
    }
  }
}

function insertSorted(list, item) {
  var at = item.getAttribute('data-created-at') || '';
  var id = item.getAttribute('data-log-id');
  var children = list.children;
  for (var i = 0; i < children.length; i++) {
    var other = children[i].getAttribute('data-created-at') || '';
    var otherId = children[i].getAttribute('data-log-id');
    // Newest first; ids are time-ordered, so they break ties the way the API does.
    if (Date.parse(at) > Date.parse(other) || (at === other && id > otherId)) {
      list.insertBefore(item, children[i]);
      return;
    }
  }
  list.appendChild(item);
}
