/*
 * The page's API client: every piece of data comes from the public JSON API (/api/v1/...), called with
 * the workspace key the user signed in with. The key lives in this tab's sessionStorage only.
 */

var KEY_STORAGE = 'activityhub.apiKey';

/** What a 401 does (sign out); app.js sets it, so this module needs nothing from the views. */
var unauthorized = function () {};

export function onUnauthorized(handler) {
  unauthorized = handler;
}

export function apiKey() {
  try { return sessionStorage.getItem(KEY_STORAGE); } catch (e) { return null; }
}

function ApiError(status, message) {
  this.status = status;
  this.message = message;
}

export function api(path, key) {
  return fetch(path, {
    headers: { 'x-api-key': key || apiKey() || '', 'Accept': 'application/json' },
    credentials: 'omit',
    cache: 'no-store'
  }).then(answer);
}

/** A decision on a log (approve, reject, cancel): POST with the key, no body. */
export function apiPost(path) {
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
export function handleFailure(err, showMessage) {
  if (err && err.status === 401) {
    unauthorized('Your API key is no longer valid. Please sign in again.');
    return;
  }
  showMessage(err && err.message ? err.message : 'Could not reach Activity Hub. Retrying…');
}

/** Keeps a key the API accepted. */
export function rememberKey(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  try { sessionStorage.removeItem(KEY_STORAGE); } catch (e) { /* storage disabled */ }
}
