/*
 * The leads list view (/app/): search, paging, one row per lead. Its search and page live in the URL
 * (?q=…&page=…) so Back works; the key never goes there.
 */
import { api, handleFailure } from './api.js';
import { $, clear, el, humanize, initials, fullName, showView, statusPill, timeEl } from './dom.js';
import { badgeClass, badgeText } from './timeline.js';

var PAGE_SIZE = 20;

var listState = { page: 1, search: '', request: 0 };
var searchTimer = null;

export function showLeads() {
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

/** The list's own controls: search as you type, Previous and Next. */
export function wireList() {
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
}
