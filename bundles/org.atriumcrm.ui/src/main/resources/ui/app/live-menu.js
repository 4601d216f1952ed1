// Keeps the menu's entity types current without a reload: a module an administrator enables or disables (in this
// browser or any other) shows or goes within one poll. GET /api/v1/meta/entities with the ETag of the last answer
// is a 304 without a body while nothing changed, so asking on every navigation and every few seconds costs nothing.

const POLL_MS = 5000;

let watched = null;
let etag = null;
let timer = null;
let inFlight = null;

async function refresh() {
  if (!watched) return;
  if (inFlight) return inFlight;
  const app = watched;
  inFlight = (async () => {
    try {
      const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
      if (etag) headers['If-None-Match'] = etag;
      // no-store keeps the browser's cache out of it: a 304 comes to us and the list we hold is the current one
      const response = await fetch('/api/v1/meta/entities', { headers, credentials: 'same-origin', cache: 'no-store' });
      if (response.status === 304 || watched !== app) return;
      if (response.status === 401) {
        // the session ended elsewhere (logout, password change): back to the login page
        app.logout();
        return;
      }
      if (!response.ok) return;
      const meta = await response.json();
      etag = response.headers.get('ETag');
      const items = meta.items || [];
      if (JSON.stringify(items) !== JSON.stringify(app.entities)) app.entities = items;
    } catch (e) {
      // offline for a moment: the next poll tries again
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

function onVisible() {
  if (document.visibilityState === 'visible') refresh();
}

/** Starts watching for the app (after login): its entities are replaced when the server's list changes. */
export function watchEntities(app) {
  stopWatchingEntities();
  watched = app;
  window.addEventListener('hashchange', refresh);
  document.addEventListener('visibilitychange', onVisible);
  timer = setInterval(refresh, POLL_MS);
  refresh();
}

/** Asks at once, e.g. after this browser enabled or disabled a module. */
export function refreshEntities() {
  return refresh();
}

export function stopWatchingEntities() {
  watched = null;
  etag = null;
  if (timer) clearInterval(timer);
  timer = null;
  window.removeEventListener('hashchange', refresh);
  document.removeEventListener('visibilitychange', onVisible);
}
