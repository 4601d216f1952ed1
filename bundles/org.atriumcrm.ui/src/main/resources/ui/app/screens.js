import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { addWords, label, t } from './i18n.js';
import { registerView } from './views.js';

// Screens and home-page widgets that modules contribute (UiScreen services, GET /api/v1/meta/screens): each is a
// custom element defined by an ES module the module ships and the UI bundle serves under /ext/<module>/. The
// list is read again on every navigation, so a screen whose module was disabled leaves the menu at the next
// click, and its element is never created again.

addWords({
  en: { 'screens.menu': 'Tools', 'screens.failed': 'This screen could not be loaded.', 'screens.gone': 'This screen does not exist or its module is not enabled.' },
  'zh-CN': { 'screens.menu': '工具', 'screens.failed': '无法加载此页面。', 'screens.gone': '该页面不存在或其模块未启用。' },
});

/** Same rules as the server's (UiScreen): a custom element name and a script of our own origin. */
const ELEMENT = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;
const SCRIPT = /^\/ext\/[a-z][a-z0-9-]*\/[A-Za-z0-9_/.-]+\.js$/;

let screens = [];
const loaded = new Map();
/** Failed imports per script: the browser keeps a failed module for the page's life, so a retry needs a new URL. */
const failures = new Map();

export function knownScreens() {
  return screens;
}

/** The screens the caller may use now (an empty list when the API has none or says no). */
export async function loadScreens() {
  try {
    const answer = await api('GET', '/api/v1/meta/screens');
    screens = ((answer && answer.items) || []).filter((s) => ELEMENT.test(s.element) && SCRIPT.test(s.script) && !s.script.includes('..'));
  } catch (e) {
    screens = [];
  }
  return screens;
}

/** Imports a screen's script once; resolves when its element is defined. */
export function defineScreen(screen) {
  if (!loaded.has(screen.script)) {
    const failed = failures.get(screen.script) || 0;
    // e.g. a 404 while the module was disabled, and the module enabled again since
    const url = failed ? `${screen.script}?retry=${failed}` : screen.script;
    loaded.set(screen.script, import(url).catch((e) => {
      loaded.delete(screen.script);
      failures.set(screen.script, failed + 1);
      throw e;
    }));
  }
  return loaded.get(screen.script).then(() => customElements.whenDefined(screen.element));
}

/** The menu entries of the contributed screens, for the shell's menu. */
export function screenMenu(list, route, language) {
  const entries = list.filter((s) => s.placement === 'menu');
  if (!entries.length) return nothing;
  return html`<li class="menu-heading" role="presentation">${t(language, 'screens.menu')}</li>
    ${entries.map((s) => html`<li><a href=${`#/x/${s.name}`} data-screen=${s.name}
      aria-current=${route.name === 'screen' && route.screen === s.name ? 'page' : 'false'}>${label(s.label, language, s.name)}</a></li>`)}`;
}

/**
 * Hosts one contributed element: imports its script, creates the element (by its validated name, never through
 * markup) and hands it language, user and route whenever they change.
 */
class ScreenHost extends LitElement {
  static properties = {
    screen: { attribute: false },
    language: { attribute: false },
    user: { attribute: false },
    route: { attribute: false },
    failed: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  render() {
    return this.failed ? html`<p class="error" role="alert">${t(this.language, 'screens.failed')}</p>` : nothing;
  }

  updated(changed) {
    const same = this.mounted && this.mounted.name === this.screen.name && this.mounted.script === this.screen.script;
    if (changed.has('screen') && !same) this.mount();
    if (this.element) this.pass();
  }

  async mount() {
    const screen = this.screen;
    this.mounted = screen;
    this.failed = false;
    if (this.element) this.element.remove();
    this.element = null;
    // the list is read again on navigation while the script loads: a fresh copy of this screen is still this screen
    const current = () => this.screen && this.screen.name === screen.name && this.screen.script === screen.script;
    try {
      await defineScreen(screen);
    } catch (e) {
      console.error('screen', screen.name, e);
      if (current()) this.failed = true;
      return;
    }
    if (!current() || !ELEMENT.test(screen.element)) return;
    this.element = document.createElement(screen.element);
    this.element.classList.add('contributed');
    this.element.dataset.screen = screen.name;
    this.pass();
    this.append(this.element);
  }

  pass() {
    Object.assign(this.element, { language: this.language, user: this.user, route: this.route, screen: this.screen });
  }
}

customElements.define('atrium-screen-host', ScreenHost);

export function screenHost(screen, { language, user, route }) {
  return html`<atrium-screen-host .screen=${screen} .language=${language} .user=${user} .route=${route}></atrium-screen-host>`;
}

registerView('screen', ({ route, language, user }) => {
  const screen = screens.find((s) => s.placement === 'menu' && s.name === route.screen);
  if (!screen) return html`<p id="not-found">${t(language, 'screens.gone')}</p>`;
  return screenHost(screen, { language, user, route });
});
