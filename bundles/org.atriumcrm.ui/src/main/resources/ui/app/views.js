import { html } from 'lit';
import { t } from './i18n.js';

// Screens register themselves by route name (see routes.js) when their module is imported, so a new screen is one
// new file and one import in main.js — or one registerLazyView in main.js for a screen that only some users open
// (administration): its module is imported when its route is first visited, not on the first load of every user.
// render(ctx) gets {route, entity, entities, language, user, app} and returns a lit template; it must bind user values
// as text (never unsafeHTML).

const views = new Map();
const lazy = new Map();

export function registerView(name, render) {
  views.set(name, render);
}

/** A view whose module ({@code load}: () => import(...)) registers it when the route is first visited. */
export function registerLazyView(name, load) {
  lazy.set(name, { load, loading: null });
}

export function viewFor(name) {
  return views.get(name) || (lazy.has(name) ? loadingView(name) : undefined);
}

function loadingView(name) {
  const entry = lazy.get(name);
  if (!entry.loading) {
    // a failed import is tried again at the next navigation, not at once (no loop while the server is away)
    entry.loading = entry.load().then(() => true, (e) => {
      entry.loading = null;
      console.error('view', name, e);
      return false;
    });
  }
  return ({ app, language }) => {
    entry.loading.then((loaded) => loaded && app && app.requestUpdate());
    return html`<p class="loading" role="status">${t(language, 'loading')}</p>`;
  };
}
