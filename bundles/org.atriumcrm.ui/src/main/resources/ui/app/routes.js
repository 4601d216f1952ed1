// The application's addresses (the part after #), so that every screen has a link that can be bookmarked,
// shared and opened in a new tab, and the back button works.
//
//   #/home                 home page            #/admin, #/admin/<section>   administration
//   #/<plural>             list of a type       #/<plural>/new               create form
//   #/<plural>/<id>        record page          #/<plural>/<id>/edit         edit form
//   #/import[/<plural>]    import wizard        #/x/<screen>                 a screen a module contributes

const RESERVED = new Set(['home', 'admin', 'import', 'x']);

/** {name, plural, id, section, screen, query} of a location hash; name is the view registered for it. */
export function parseRoute(hash) {
  const [path, search = ''] = (hash || '').replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  const route = { name: 'home', parts, query };
  if (parts.length === 0 || parts[0] === 'home') return route;
  if (parts[0] === 'admin') return { ...route, name: 'admin', section: parts[1] || '' };
  if (parts[0] === 'import') return { ...route, name: 'import', plural: parts[1] || '' };
  if (parts[0] === 'x') return { ...route, name: 'screen', screen: parts[1] || '', rest: parts.slice(2) };
  const plural = parts[0];
  if (parts.length === 1) return { ...route, name: 'list', plural };
  if (parts[1] === 'new') return { ...route, name: 'form', plural };
  if (parts[2] === 'edit') return { ...route, name: 'form', plural, id: parts[1] };
  return { ...route, name: 'record', plural, id: parts[1], tab: parts[2] || '' };
}

export function isReserved(segment) {
  return RESERVED.has(segment);
}

/** The hash of a route: href(['accounts', id]) → #/accounts/<id>. */
export function href(parts, query) {
  const path = parts.map((p) => encodeURIComponent(p)).join('/');
  const search = query && [...new URLSearchParams(query)].length ? `?${new URLSearchParams(query)}` : '';
  return `#/${path}${search}`;
}
