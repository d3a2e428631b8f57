/*
 * DOM helpers, formatting and the small widgets every view uses.
 * API text never becomes markup: the DOM is built with createElement/textContent, never innerHTML.
 */

// ---------------------------------------------------------------- DOM helpers

export function $(id) { return document.getElementById(id); }

/** el('span', {class: 'x', title: 't'}, 'text', childNode...) — children are text or nodes, never markup. */
export function el(tag, attrs) {
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

export function clear(node) {
  while (node.firstChild) { node.removeChild(node.firstChild); }
}

/** Only http(s) links (relative ones included) become hrefs: never javascript: or data: URLs from the API. */
export function safeUrl(url) {
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

export function relativeTime(iso, now) {
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
export function timeEl(iso) {
  if (!iso) { return el('span', { 'class': 'muted', text: '—' }); }
  var t = Date.parse(iso);
  return el('time', {
    datetime: iso,
    title: isNaN(t) ? iso : exactFormat.format(new Date(t)),
    'class': 'reltime',
    text: relativeTime(iso)
  });
}

export function refreshRelativeTimes() {
  var now = Date.now();
  Array.prototype.forEach.call(document.querySelectorAll('time.reltime'), function (t) {
    t.textContent = relativeTime(t.getAttribute('datetime'), now);
  });
}

export function fullName(lead) {
  var name = [lead.firstName, lead.middleName, lead.lastName].filter(Boolean).join(' ');
  return name || lead.email || 'Unnamed lead';
}

export function initials(lead) {
  var a = (lead.firstName || '').trim().charAt(0);
  var b = (lead.lastName || '').trim().charAt(0);
  return (a + b).toUpperCase() || '?';
}

/** SCREAMING_CASE / snake_case / camelCase → "Sentence case". */
export function humanize(key) {
  var s = String(key)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return (s.charAt(0).toUpperCase() + s.slice(1)).replace(/\b(api|url|id|sms)\b/gi, function (w) { return w.toUpperCase(); });
}

export function statusPill(status) {
  var s = status || 'UNKNOWN';
  return el('span', { 'class': 'pill pill-' + s.toLowerCase().replace(/_/g, '-'), text: humanize(s) });
}

export function formatSize(bytes) {
  if (typeof bytes !== 'number' || !isFinite(bytes)) { return ''; }
  if (bytes < 1024) { return bytes + ' B'; }
  if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1).replace(/\.0$/, '') + ' KB'; }
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '') + ' MB';
}

/** A JSON value as readable DOM: scalars as text, objects as nested definition lists, arrays as lists. */
export function valueEl(value) {
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

export function kvList(obj, nested) {
  var keys = Object.keys(obj);
  if (keys.length === 0) { return el('span', { 'class': 'muted', text: 'None' }); }
  return el('dl', { 'class': nested ? 'kv kv-nested' : 'kv' }, keys.map(function (k) {
    return el('div', { 'class': 'kv-row', 'data-key': k },
      el('dt', { text: humanize(k), title: k }),
      el('dd', null, valueEl(obj[k])));
  }));
}

/** Message bodies may be e-mail HTML: take its text from an inert document (no scripts run, nothing loads). */
export function plainText(body) {
  if (typeof body !== 'string') { return ''; }
  if (!/<[a-z!/][\s\S]*>/i.test(body)) { return body; }
  var doc = new DOMParser().parseFromString(body, 'text/html');
  Array.prototype.forEach.call(doc.querySelectorAll('br'), function (br) { br.replaceWith('\n'); });
  Array.prototype.forEach.call(doc.querySelectorAll('p, div, li, tr'), function (b) { b.append('\n'); });
  return (doc.body ? doc.body.textContent : '').replace(/\n{3,}/g, '\n\n').trim();
}

// ---------------------------------------------------------------- clipped text with "Read more"

var idCounter = 0;

/** A fresh element id ('clip-1', 'group-2', …): one counter for the whole page. */
export function nextId(prefix) {
  return prefix + '-' + (++idCounter);
}

/** A paragraph clipped to a few lines; the toggle appears only when the text really overflows. */
export function clampedText(text, className) {
  var id = nextId('clip');
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
export function measureClamps(root) {
  Array.prototype.forEach.call((root || document).querySelectorAll('.clamp-box'), function (box) {
    var p = box.querySelector('.clamp');
    var button = box.querySelector('.read-more');
    if (p.classList.contains('expanded')) { return; }
    button.hidden = !(p.scrollHeight > p.clientHeight + 1);
  });
}

// ---------------------------------------------------------------- views and shared widgets

/** Shows one of the page's views (signin, leads, lead) and hides the others. */
export function showView(name) {
  ['signin', 'leads', 'lead'].forEach(function (v) { $('view-' + v).hidden = v !== name; });
  $('topnav').hidden = name === 'signin';
}

/** A document's download link; only http(s) URLs become links. */
export function docLink(doc) {
  var href = safeUrl(doc.url);
  var name = doc.filename || 'document';
  return href
    ? el('a', { href: href, download: name, rel: 'noopener noreferrer', 'class': 'doc-link', text: name })
    : el('span', { 'class': 'doc-name', text: name });
}
