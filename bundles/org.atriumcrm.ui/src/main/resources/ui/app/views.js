// Screens register themselves by route name (see routes.js) when their module is imported, so a new screen is one
// new file and one import in main.js. render(ctx) gets {route, entity, entities, language, user, app} and returns
// a lit template; it must bind user values as text (never unsafeHTML).

const views = new Map();

export function registerView(name, render) {
  views.set(name, render);
}

export function viewFor(name) {
  return views.get(name);
}
