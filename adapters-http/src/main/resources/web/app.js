/*
 * Activity Hub web page: the workspace's leads and one lead's timeline. This module signs in and out,
 * picks the view from location.pathname and starts the page; the views live in list.js, lead.js and
 * timeline.js, the API client in api.js. Native ES modules, served as they are: no build step.
 *
 * Rules every module keeps:
 * - Every piece of data comes from the public JSON API (/api/v1/...), called with the workspace
 *   key the user signed in with. The key lives in this tab's sessionStorage only.
 * - API text never becomes markup: the DOM is built with createElement/textContent, never innerHTML.
 */
import { api, apiKey, forgetKey, onUnauthorized, rememberKey } from './api.js';
import { $, measureClamps, refreshRelativeTimes, showView } from './dom.js';
import { renderChecklist, renderDocuments, showLead, stopPolling, wireLead } from './lead.js';
import { showLeads, wireList } from './list.js';
import { card } from './timeline.js';

// ---------------------------------------------------------------- sign in / out

function signOut(message) {
  forgetKey();
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
    rememberKey(key);
    route();
  }).catch(function (err) {
    error.textContent = err && err.status === 401
      ? 'That API key was not accepted. Check it and try again.'
      : (err && err.message) || 'Could not reach Activity Hub.';
    $('api-key').focus();
  }).then(function () { submit.disabled = false; });
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
  onUnauthorized(signOut);
  $('signin-form').addEventListener('submit', onSignIn);
  $('sign-out').addEventListener('click', function () { signOut(''); });
  wireList();
  wireLead();
  window.addEventListener('resize', function () { measureClamps(document); });
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
