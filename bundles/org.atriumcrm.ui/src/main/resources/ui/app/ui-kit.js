// What a screen contributed by a module (a UiScreen, served under /ext/<module>/) may use of the UI, under the
// import-map name 'atrium/ui': import { api, ApiError, Chart, money, day, label, href } from 'atrium/ui'.
// A stable surface, so that the UI's own files can change without breaking plugins: only add to it.
export { api, ApiError } from './api.js';
export { Chart, money, day, COLORS } from './charts.js';
export { label, addWords, t } from './i18n.js';
export { href } from './routes.js';
