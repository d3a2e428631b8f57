/*
 * Activity Hub web page: the workspace's leads and one lead's timeline.
 *
 * Rules this file keeps:
 * - Every piece of data comes from the public JSON API (/api/v1/...), called with the workspace
 *   key the user signed in with. The key lives in this tab's sessionStorage only.
 * - API text never becomes markup: the DOM is built with createElement/textContent, never innerHTML.
 */
(function () {
  'use strict';

  var KEY_STORAGE = 'activityhub.apiKey';
  var PAGE_SIZE = 20;
  var POLL_MS = 3000;
  var OLDER_PAGE_SIZE = 100; // the lead view holds the newest 100 logs = page 1 at this size

  // ---------------------------------------------------------------- API

  function apiKey() {
    try { return sessionStorage.getItem(KEY_STORAGE); } catch (e) { return null; }
  }

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function api(path, key) {
    return fetch(path, {
      headers: { 'x-api-key': key || apiKey() || '', 'Accept': 'application/json' },
      credentials: 'omit',
      cache: 'no-store'
    }).then(answer);
  }

  /** A decision on a log (approve, reject, cancel): POST with the key, no body. */
  function apiPost(path) {
    return fetch(path, {
      method: 'POST',
      headers: { 'x-api-key': apiKey() || '', 'Accept': 'application/json' },
      credentials: 'omit',
      cache: 'no-store'
    }).then(answer);
  }

  function answer(res) {
    return res.json().catch(function () { return null; }).then(function (body) {
      if (!res.ok) {
        var msg = body && body.error && body.error.message ? body.error.message : 'Request failed (' + res.status + ')';
        throw new ApiError(res.status, msg);
      }
      return body;
    });
  }

  /** A 401 means the key was revoked or is wrong: forget it and ask again. */
  function handleFailure(err, showMessage) {
    if (err && err.status === 401) {
      signOut('Your API key is no longer valid. Please sign in again.');
      return;
    }
    showMessage(err && err.message ? err.message : 'Could not reach Activity Hub. Retrying…');
  }

  // ---------------------------------------------------------------- DOM helpers

  function $(id) { return document.getElementById(id); }

  /** el('span', {class: 'x', title: 't'}, 'text', childNode...) — children are text or nodes, never markup. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) { return; }
        if (name === 'text') { node.textContent = value; } else { node.setAttribute(name, value === true ? '' : String(value)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  /** Only http(s) links (relative ones included) become hrefs: never javascript: or data: URLs from the API. */
  function safeUrl(url) {
    if (typeof url !== 'string' || !url) { return null; }
    try {
      var u = new URL(url, location.href);
      return (u.protocol === 'https:' || u.protocol === 'http:') ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- formatting

  var exactFormat = new Intl.DateTimeFormat(undefined, {
    weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short'
  });
  var dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

  function relativeTime(iso, now) {
    var t = Date.parse(iso);
    if (isNaN(t)) { return ''; }
    var seconds = Math.round(((now || Date.now()) - t) / 1000);
    if (seconds < 45) { return 'just now'; }
    var minutes = Math.round(seconds / 60);
    if (minutes < 60) { return minutes + ' min ago'; }
    var hours = Math.round(minutes / 60);
    if (hours < 24) { return hours + (hours === 1 ? ' hour ago' : ' hours ago'); }
    var days = Math.round(hours / 24);
    if (days === 1) { return 'yesterday'; }
    if (days < 7) { return days + ' days ago'; }
    return dateFormat.format(new Date(t));
  }

  /** <time> showing "3 min ago" with the exact time on hover (title) and for machines (datetime). */
  function timeEl(iso) {
    if (!iso) { return el('span', { 'class': 'muted', text: '—' }); }
    var t = Date.parse(iso);
    return el('time', {
      datetime: iso,
      title: isNaN(t) ? iso : exactFormat.format(new Date(t)),
      'class': 'reltime',
      text: relativeTime(iso)
    });
  }

  function refreshRelativeTimes() {
    var now = Date.now();
    Array.prototype.forEach.call(document.querySelectorAll('time.reltime'), function (t) {
      t.textContent = relativeTime(t.getAttribute('datetime'), now);
    });
  }

  function fullName(lead) {
    var name = [lead.firstName, lead.middleName, lead.lastName].filter(Boolean).join(' ');
    return name || lead.email || 'Unnamed lead';
  }

  function initials(lead) {
    var a = (lead.firstName || '').trim().charAt(0);
    var b = (lead.lastName || '').trim().charAt(0);
    return (a + b).toUpperCase() || '?';
  }

  /** SCREAMING_CASE / snake_case / camelCase → "Sentence case". */
  function humanize(key) {
    var s = String(key)
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[_-]+/g, ' ')
      .trim()
      .toLowerCase();
    return (s.charAt(0).toUpperCase() + s.slice(1)).replace(/\b(api|url|id|sms)\b/gi, function (w) { return w.toUpperCase(); });
  }

  function statusPill(status) {
    var s = status || 'UNKNOWN';
    return el('span', { 'class': 'pill pill-' + s.toLowerCase().replace(/_/g, '-'), text: humanize(s) });
  }

  function formatSize(bytes) {
    if (typeof bytes !== 'number' || !isFinite(bytes)) { return ''; }
    if (bytes < 1024) { return bytes + ' B'; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1).replace(/\.0$/, '') + ' KB'; }
    return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '') + ' MB';
  }

  /** A JSON value as readable DOM: scalars as text, objects as nested definition lists, arrays as lists. */
  function valueEl(value) {
    if (value === null || value === undefined) { return el('span', { 'class': 'muted', text: '—' }); }
    if (typeof value === 'boolean') { return el('span', { text: value ? 'Yes' : 'No' }); }
    if (Array.isArray(value)) {
      if (value.length === 0) { return el('span', { 'class': 'muted', text: 'None' }); }
      if (value.every(function (v) { return v === null || typeof v !== 'object'; })) {
        return el('span', { text: value.map(function (v) { return v === null ? '—' : String(v); }).join(', ') });
      }
      return el('ol', { 'class': 'kv-list' }, value.map(function (v) { return el('li', null, valueEl(v)); }));
    }
    if (typeof value === 'object') { return kvList(value, true); }
    return el('span', { text: String(value) });
  }

  function kvList(obj, nested) {
    var keys = Object.keys(obj);
    if (keys.length === 0) { return el('span', { 'class': 'muted', text: 'None' }); }
    return el('dl', { 'class': nested ? 'kv kv-nested' : 'kv' }, keys.map(function (k) {
      return el('div', { 'class': 'kv-row', 'data-key': k },
        el('dt', { text: humanize(k), title: k }),
        el('dd', null, valueEl(obj[k])));
    }));
  }

  /** Message bodies may be e-mail HTML: take its text from an inert document (no scripts run, nothing loads). */
  function plainText(body) {
    if (typeof body !== 'string') { return ''; }
    if (!/<[a-z!/][\s\S]*>/i.test(body)) { return body; }
    var doc = new DOMParser().parseFromString(body, 'text/html');
    Array.prototype.forEach.call(doc.querySelectorAll('br'), function (br) { br.replaceWith('\n'); });
    Array.prototype.forEach.call(doc.querySelectorAll('p, div, li, tr'), function (b) { b.append('\n'); });
    return (doc.body ? doc.body.textContent : '').replace(/\n{3,}/g, '\n\n').trim();
  }

  // ---------------------------------------------------------------- clipped text with "Read more"

  var clampCounter = 0;

  /** A paragraph clipped to a few lines; the toggle appears only when the text really overflows. */
  function clampedText(text, className) {
    var id = 'clip-' + (++clampCounter);
    var p = el('p', { 'class': 'clamp ' + (className || ''), id: id, text: text });
    var button = el('button', {
      type: 'button', 'class': 'read-more', 'aria-expanded': 'false', 'aria-controls': id, hidden: true, text: 'Read more'
    });
    button.addEventListener('click', function () {
      var expanded = button.getAttribute('aria-expanded') === 'true';
      button.setAttribute('aria-expanded', expanded ? 'false' : 'true');
      p.classList.toggle('expanded', !expanded);
      button.textContent = expanded ? 'Read more' : 'Show less';
    });
    return el('div', { 'class': 'clamp-box' }, p, button);
  }

  /** Measures every clipped paragraph not yet expanded and shows its toggle when the text overflows. */
  function measureClamps(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('.clamp-box'), function (box) {
      var p = box.querySelector('.clamp');
      var button = box.querySelector('.read-more');
      if (p.classList.contains('expanded')) { return; }
      button.hidden = !(p.scrollHeight > p.clientHeight + 1);
    });
  }

  // ---------------------------------------------------------------- sign in / out

  function showView(name) {
    ['signin', 'leads', 'lead'].forEach(function (v) { $('view-' + v).hidden = v !== name; });
    $('topnav').hidden = name === 'signin';
  }

  function signOut(message) {
    try { sessionStorage.removeItem(KEY_STORAGE); } catch (e) { /* storage disabled */ }
    stopPolling();
    showSignIn(message);
  }

  function showSignIn(message) {
    document.title = 'Sign in · Activity Hub';
    showView('signin');
    $('signin-error').textContent = message || '';
    $('api-key').value = '';
    $('api-key').focus();
  }

  function onSignIn(event) {
    event.preventDefault();
    var key = $('api-key').value.trim();
    var error = $('signin-error');
    if (!key) { error.textContent = 'Enter your workspace API key.'; $('api-key').focus(); return; }
    var submit = $('signin-submit');
    submit.disabled = true;
    error.textContent = '';
    // Checks the key against the API before keeping it.
    api('/api/v1/leads?limit=1', key).then(function () {
      sessionStorage.setItem(KEY_STORAGE, key);
      route();
    }).catch(function (err) {
      error.textContent = err && err.status === 401
        ? 'That API key was not accepted. Check it and try again.'
        : (err && err.message) || 'Could not reach Activity Hub.';
      $('api-key').focus();
    }).then(function () { submit.disabled = false; });
  }

  // ---------------------------------------------------------------- leads list

  var listState = { page: 1, search: '', request: 0 };
  var searchTimer = null;

  function showLeads() {
    document.title = 'Leads · Activity Hub';
    showView('leads');
    var params = new URLSearchParams(location.search);
    listState.search = params.get('q') || '';
    listState.page = Math.max(1, parseInt(params.get('page'), 10) || 1);
    $('lead-search').value = listState.search;
    loadLeads();
  }

  function syncListUrl() {
    var params = new URLSearchParams();
    if (listState.search) { params.set('q', listState.search); }
    if (listState.page > 1) { params.set('page', String(listState.page)); }
    var qs = params.toString();
    history.replaceState(null, '', '/app/' + (qs ? '?' + qs : ''));
  }

  function loadLeads() {
    var request = ++listState.request;
    var query = '/api/v1/leads?page=' + listState.page + '&limit=' + PAGE_SIZE
      + (listState.search ? '&search=' + encodeURIComponent(listState.search) : '');
    $('leads-status').textContent = 'Loading leads…';
    syncListUrl();
    api(query).then(function (body) {
      if (request !== listState.request) { return; } // a newer search is on its way
      renderLeads(body);
    }).catch(function (err) {
      handleFailure(err, function (m) { $('leads-status').textContent = m; });
    });
  }

  function renderLeads(body) {
    var tbody = $('leads-body');
    clear(tbody);
    var p = body.pagination;
    if (body.leads.length === 0) {
      tbody.appendChild(el('tr', { 'class': 'empty-row' }, el('td', { colspan: 5, text:
        listState.search ? 'No leads match “' + listState.search + '”.' : 'No leads yet. Create one through the API.' })));
    }
    body.leads.forEach(function (item) {
      var lead = item.lead;
      var lastAction = el('td', { 'class': 'last-action', 'data-label': 'Last action' });
      tbody.appendChild(el('tr', { 'data-lead-id': lead.id },
        el('th', { scope: 'row', 'class': 'lead-cell', 'data-label': 'Name' },
          el('a', { href: '/app/leads/' + encodeURIComponent(lead.id), 'class': 'lead-link' },
            el('span', { 'class': 'avatar avatar-sm', 'aria-hidden': 'true', text: initials(lead) }),
            el('span', { 'class': 'lead-link-name', text: fullName(lead) }))),
        el('td', { 'class': 'business', 'data-label': 'Business', text: lead.businessName || '—' }),
        el('td', { 'data-label': 'Status' }, statusPill(item.status)),
        lastAction,
        el('td', { 'data-label': 'Updated' }, timeEl(lead.updatedAt))));
      renderLastAction(item.lastAction, lastAction);
    });
    $('leads-status').textContent = p.total === 0 ? '' : p.total + (p.total === 1 ? ' lead' : ' leads')
      + (listState.search ? ' matching “' + listState.search + '”' : '');
    $('page-info').textContent = 'Page ' + p.page + ' of ' + Math.max(1, p.totalPages);
    $('page-prev').disabled = p.page <= 1;
    $('page-next').disabled = !p.hasMore;
    $('leads-pager').hidden = p.totalPages <= 1;
  }

  /** The list carries each lead's lastAction (its newest completed log), as the lead view does. */
  function renderLastAction(log, cell) {
    if (!log) { cell.appendChild(el('span', { 'class': 'muted', text: 'None' })); return; }
    cell.appendChild(el('span', { 'class': 'last-action-text' },
      el('span', { 'class': 'badge badge-sm ' + badgeClass(log), text: badgeText(log) }), ' ',
      el('span', { text: log.title || log.summary || humanize(log.type) })));
    cell.appendChild(el('span', { 'class': 'last-action-time' }, timeEl(log.createdAt)));
  }

  // ---------------------------------------------------------------- one lead

  var leadState = null;
  var pollTimer = null;

  function showLead(leadId) {
    showView('lead');
    stopPolling();
    leadState = { id: leadId, seen: {}, renderedHeader: '', renderedChecklist: '', renderedDocs: '', olderPage: 1, first: true };
    clear($('timeline'));
    $('lead-error').hidden = true;
    loadLead();
  }

  function stopPolling() {
    if (pollTimer) { clearTimeout(pollTimer); pollTimer = null; }
  }

  function schedulePoll() {
    stopPolling();
    pollTimer = setTimeout(function () {
      if (document.hidden) { schedulePoll(); return; }
      loadLead();
    }, POLL_MS);
  }

  function loadLead() {
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
    mergeTimeline(view.actionLogs || []);
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

  function renderChecklist(root, groups) {
    clear(root);
    if (!groups.length) {
      root.appendChild(el('p', { 'class': 'empty', text: 'No checklist for this lead yet.' }));
      return;
    }
    groups.forEach(function (group) {
      var items = group.items || [];
      var done = items.filter(function (i) { return i.status === 'COMPLETED' || i.status === 'SKIPPED'; }).length;
      var headingId = 'group-' + (++clampCounter);
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

  function docLink(doc) {
    var href = safeUrl(doc.url);
    var name = doc.filename || 'document';
    return href
      ? el('a', { href: href, download: name, rel: 'noopener noreferrer', 'class': 'doc-link', text: name })
      : el('span', { 'class': 'doc-name', text: name });
  }

  function renderDocuments(root, documents, groups) {
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

  // ---------------------------------------------------------------- timeline

  function badgeText(log) { return log.eventType || humanize(log.type || 'activity'); }

  function badgeClass(log) {
    var key = (log.eventType || log.type || '').toLowerCase();
    if (/call|meeting/.test(key)) { return 'badge-call'; }
    if (/error|fail/.test(key) || log.status === 'FAILED') { return 'badge-error'; }
    if (/message|email|sms/.test(key)) { return 'badge-message'; }
    if (/document|upload/.test(key)) { return 'badge-document'; }
    if (/status|update|portal/.test(key)) { return 'badge-update'; }
    if (log.eventType) { return 'badge-custom'; }
    return 'badge-system';
  }

  function card(log) {
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
          .catch(function (err) { handleFailure(err, showLeadError); })
          .then(function () { if (leadState) { loadLead(); } });
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
   * Adds logs not shown yet, keeping newest first; cards already shown keep their state (e.g. expanded)
   * unless the log itself changed (a draft approved, a follow-up sent), which redraws that card. Tool
   * calls made for another log are shown under it, not as cards of their own.
   */
  function mergeTimeline(logs) {
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

  function loadOlder() {
    var button = $('timeline-older');
    button.disabled = true;
    leadState.olderPage += 1;
    var state = leadState;
    api('/api/v1/leads/' + encodeURIComponent(state.id) + '/action-logs?page=' + state.olderPage + '&limit=' + OLDER_PAGE_SIZE)
      .then(function (body) {
        if (state !== leadState) { return; }
        mergeTimeline(body.actionLogs);
        button.hidden = !body.pagination.hasMore;
      })
      .catch(function (err) { handleFailure(err, showLeadError); })
      .then(function () { button.disabled = false; });
  }

  // ---------------------------------------------------------------- routing

  function route() {
    if (!apiKey()) { showSignIn(); return; }
    var match = /^\/app\/leads\/([^/]+)\/?$/.exec(location.pathname);
    if (match) {
      showLead(decodeURIComponent(match[1]));
    } else {
      stopPolling();
      showLeads();
    }
  }

  function init() {
    $('signin-form').addEventListener('submit', onSignIn);
    $('sign-out').addEventListener('click', function () { signOut(''); });
    $('search-form').addEventListener('submit', function (e) { e.preventDefault(); });
    $('lead-search').addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () {
        listState.search = $('lead-search').value.trim();
        listState.page = 1;
        loadLeads();
      }, 250);
    });
    $('page-prev').addEventListener('click', function () { if (listState.page > 1) { listState.page--; loadLeads(); } });
    $('page-next').addEventListener('click', function () { listState.page++; loadLeads(); });
    $('timeline-older').addEventListener('click', loadOlder);
    window.addEventListener('resize', function () { measureClamps(document); });
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && leadState && pollTimer) { loadLead(); }
    });
    setInterval(refreshRelativeTimes, 30000);
    route();
  }

  // Rendering functions, for tests that feed them shapes the API cannot produce yet (read-only).
  window.ActivityHubView = Object.freeze({
    renderChecklist: renderChecklist,
    renderDocuments: renderDocuments,
    card: card,
    measureClamps: measureClamps
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
