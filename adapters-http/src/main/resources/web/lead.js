/*
 * One lead's view (/app/leads/{id}): header, timeline, checklist and documents, kept live by polling
 * the lead every few seconds while the tab is visible.
 */
import { api, apiKey, handleFailure } from './api.js';
import { $, clear, docLink, el, formatSize, fullName, humanize, initials, nextId, safeUrl, showView, timeEl, valueEl } from './dom.js';
import { mergeTimeline, onDecision } from './timeline.js';

var POLL_MS = 3000;
var OLDER_PAGE_SIZE = 100; // the lead view holds the newest 100 logs = page 1 at this size

var leadState = null;
var pollTimer = null;

export function showLead(leadId) {
  showView('lead');
  stopPolling();
  leadState = { id: leadId, seen: {}, renderedHeader: '', renderedChecklist: '', renderedDocs: '', olderPage: 1, first: true };
  clear($('timeline'));
  $('lead-error').hidden = true;
  loadLead();
}

export function stopPolling() {
  if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
}

function schedulePoll() {
  stopPolling();
  pollTimer = setTimeout(function () {
    if (document.hidden) { schedulePoll(); return; }
    loadLead();
  }, POLL_MS);
}

export function loadLead() {
  var state = leadState;
  api('/api/v1/leads/' + encodeURIComponent(state.id)).then(function (view) {
    if (state !== leadState) { return; }
    $('lead-error').hidden = true;
    $('live-indicator').classList.remove('offline');
    renderLead(view);
    schedulePoll();
  }).catch(function (err) {
    if (state !== leadState) { return; }
    if (err && err.status === 404) {
      document.title = 'Lead not found · Activity Hub';
      $('lead-name').textContent = 'Lead not found';
      showLeadError('This lead does not exist in your workspace.');
      return;
    }
    $('live-indicator').classList.add('offline');
    handleFailure(err, showLeadError);
    if (apiKey()) { schedulePoll(); }
  });
}

function showLeadError(message) {
  var box = $('lead-error');
  box.textContent = message;
  box.hidden = false;
}

function renderLead(view) {
  var header = JSON.stringify([view.lead, view.status]);
  if (header !== leadState.renderedHeader) {
    leadState.renderedHeader = header;
    renderHeader(view.lead, view.status);
  }
  var checklist = JSON.stringify(view.checklistItems || []);
  if (checklist !== leadState.renderedChecklist) {
    leadState.renderedChecklist = checklist;
    renderChecklist($('checklist'), view.checklistItems || []);
  }
  var docs = JSON.stringify([view.documents || [], view.checklistItems || []]);
  if (docs !== leadState.renderedDocs) {
    leadState.renderedDocs = docs;
    renderDocuments($('documents'), view.documents || [], view.checklistItems || []);
  }
  mergeTimeline(leadState, view.actionLogs || []);
  if (leadState.first) {
    leadState.first = false;
    $('timeline-older').hidden = (view.actionLogs || []).length < OLDER_PAGE_SIZE;
  }
}

function renderHeader(lead, status) {
  document.title = fullName(lead) + ' · Activity Hub';
  $('lead-avatar').textContent = initials(lead);
  $('lead-name').textContent = fullName(lead);
  $('lead-business').textContent = lead.businessName || '';
  $('lead-business').hidden = !lead.businessName;
  var pill = $('lead-status');
  pill.className = 'pill pill-' + String(status).toLowerCase().replace(/_/g, '-');
  pill.textContent = humanize(status);
  pill.setAttribute('aria-label', 'Status: ' + humanize(status));

  var contact = $('lead-contact');
  clear(contact);
  // Secondary rows are left out on narrow screens (CSS), where the timeline matters most.
  function row(label, value, secondary) {
    if (!value) { return; }
    contact.appendChild(el('div', { 'class': secondary ? 'contact-row secondary' : 'contact-row' },
      el('dt', { text: label }), el('dd', { title: typeof value === 'string' ? value : value.textContent }, value)));
  }
  row('Email', lead.email ? el('a', { href: 'mailto:' + lead.email, text: lead.email }) : null);
  row('Phone', lead.phoneNumber ? el('a', { href: 'tel:' + lead.phoneNumber, text: lead.phoneNumber }) : null);
  var site = safeUrl(lead.website && !/^[a-z]+:/i.test(lead.website) ? 'https://' + lead.website : lead.website);
  row('Website', lead.website ? (site ? el('a', { href: site, rel: 'noopener noreferrer', target: '_blank', text: lead.website })
    : el('span', { text: lead.website })) : null);
  row('Tags', lead.tags && lead.tags.length ? el('span', { 'class': 'tags' },
    lead.tags.map(function (t) { return el('span', { 'class': 'tag', text: t }); })) : null);
  row('Source', lead.source, true);
  row('Assignee', lead.assigneeType ? humanize(lead.assigneeType) : null, true);
  row('Created', timeEl(lead.createdAt), true);
  row('Updated', timeEl(lead.updatedAt), true);
}

// ---------------------------------------------------------------- checklist and documents

var ITEM_STATUS_TEXT = { COMPLETED: 'Done', TODO: 'To do', NEEDS_REVIEW: 'Needs review', SKIPPED: 'Skipped', INVALID: 'Invalid' };

export function renderChecklist(root, groups) {
  clear(root);
  if (!groups.length) {
    root.appendChild(el('p', { 'class': 'empty', text: 'No checklist for this lead yet.' }));
    return;
  }
  groups.forEach(function (group) {
    var items = group.items || [];
    var done = items.filter(function (i) { return i.status === 'COMPLETED' || i.status === 'SKIPPED'; }).length;
    var headingId = nextId('group');
    root.appendChild(el('section', { 'class': 'check-group', 'aria-labelledby': headingId },
      el('div', { 'class': 'check-group-head' },
        el('h3', { id: headingId, text: group.name || 'Checklist' }),
        el('span', { 'class': 'muted small', text: done + ' of ' + items.length + ' done' })),
      el('div', { 'class': 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': items.length || 1,
        'aria-valuenow': done, 'aria-label': (group.name || 'Checklist') + ' progress' },
        progressBar(items.length ? done / items.length : 0)),
      el('ul', { 'class': 'check-items' }, items.map(checklistItem))));
  });
}

function progressBar(fraction) {
  var bar = el('span', { 'class': 'progress-bar' });
  bar.style.width = Math.round(fraction * 100) + '%';
  return bar;
}

function checklistItem(item) {
  var def = item.checklistItem || {};
  var override = item.itemOverride && typeof item.itemOverride === 'object' ? item.itemOverride : {};
  var label = override.label || def.label || def.code || 'Item';
  var status = item.status || 'TODO';
  var value = item.value;
  var hasValue = value !== null && value !== undefined && value !== '';
  var docs = Array.isArray(item.documents) ? item.documents : [];
  return el('li', { 'class': 'check-item status-' + status.toLowerCase().replace(/_/g, '-'), 'data-code': def.code || '' },
    el('span', { 'class': 'check-icon', 'aria-hidden': 'true', text: status === 'COMPLETED' ? '✓' : status === 'NEEDS_REVIEW' ? '!' : status === 'SKIPPED' ? '–' : '' }),
    el('div', { 'class': 'check-body' },
      el('div', { 'class': 'check-label' },
        el('span', { text: label }),
        (override.isRequired !== undefined ? override.isRequired : def.isRequired) ? el('span', { 'class': 'required', text: 'Required' }) : null),
      hasValue ? el('div', { 'class': 'check-value' }, valueEl(value)) : null,
      docs.length ? el('ul', { 'class': 'check-docs' }, docs.map(function (d) { return el('li', null, docLink(d)); })) : null),
    el('span', { 'class': 'chip chip-' + status.toLowerCase().replace(/_/g, '-'), text: ITEM_STATUS_TEXT[status] || humanize(status) }));
}

export function renderDocuments(root, documents, groups) {
  clear(root);
  if (!documents.length) {
    root.appendChild(el('li', { 'class': 'empty', text: 'No documents yet.' }));
    return;
  }
  var labels = {};
  groups.forEach(function (g) {
    (g.items || []).forEach(function (i) { labels[i.id] = (i.checklistItem && (i.checklistItem.label || i.checklistItem.code)) || ''; });
  });
  documents.forEach(function (doc) {
    var meta = [formatSize(doc.size), doc.mimeType].filter(Boolean).join(' · ');
    root.appendChild(el('li', { 'class': 'document' },
      el('span', { 'class': 'doc-icon', 'aria-hidden': 'true', text: fileBadge(doc) }),
      el('div', { 'class': 'doc-body' },
        docLink(doc),
        el('div', { 'class': 'muted small' }, meta, meta && doc.uploadedAt ? ' · ' : '', doc.uploadedAt ? timeEl(doc.uploadedAt) : null),
        doc.associatedChecklistItemId && labels[doc.associatedChecklistItemId]
          ? el('div', { 'class': 'small doc-for', text: 'For: ' + labels[doc.associatedChecklistItemId] }) : null)));
  });
}

function fileBadge(doc) {
  var m = /\.([a-z0-9]{1,4})$/i.exec(doc.filename || '');
  return m ? m[1].toUpperCase() : 'FILE';
}

// ---------------------------------------------------------------- older activity

function loadOlder() {
  var button = $('timeline-older');
  button.disabled = true;
  leadState.olderPage += 1;
  var state = leadState;
  api('/api/v1/leads/' + encodeURIComponent(state.id) + '/action-logs?page=' + state.olderPage + '&limit=' + OLDER_PAGE_SIZE)
    .then(function (body) {
      if (state !== leadState) { return; }
      mergeTimeline(state, body.actionLogs);
      button.hidden = !body.pagination.hasMore;
    })
    .catch(function (err) { handleFailure(err, showLeadError); })
    .then(function () { button.disabled = false; });
}

/** The view's own controls and timers: older activity, polling again when the tab comes back. */
export function wireLead() {
  onDecision(function () { if (leadState) { loadLead(); } }, showLeadError);
  $('timeline-older').addEventListener('click', loadOlder);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && leadState && pollTimer) { loadLead(); }
  });
}
