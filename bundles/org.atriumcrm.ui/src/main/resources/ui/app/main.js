import { LitElement, html, nothing } from 'lit';
import { api, ApiError, setApiLanguage, setCsrfToken } from './api.js';
import { LANGUAGES, label, pickLanguage, rememberLanguage, t } from './i18n.js';
import { parseRoute } from './routes.js';
import { registerLazyView, viewFor } from './views.js';
import './list-view.js';
import './home.js';
import { loadScreens, screenMenu } from './screens.js';
import './import-wizard.js';
import './record-page.js';
import './record-form.js';
import './user-menu.js';
import './pinyin-hits.js';
import { watchEntities, stopWatchingEntities } from './live-menu.js';

// Administration is for administrators only and a third of the UI's code: loaded when #/admin is first opened.
registerLazyView('admin', () => import('./admin.js'));

/**
 * The application: the login page until a session exists, then the shell (top bar, menu of the entity types
 * from the metadata, the routed view). Rendered into the light DOM so that one stylesheet styles everything;
 * every user value goes through lit's text bindings, never innerHTML.
 */
class AtriumApp extends LitElement {
  static properties = {
    state: { state: true },
    user: { state: true },
    language: { state: true },
    entities: { state: true },
    screens: { state: true },
    route: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.state = 'starting';
    this.language = pickLanguage();
    this.entities = [];
    this.screens = [];
    this.route = location.hash;
    this.error = '';
    this.busy = false;
    window.addEventListener('hashchange', () => {
      this.route = location.hash;
      if (this.state === 'app') loadScreens().then((s) => { this.screens = s; });
    });
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resume();
  }

  willUpdate(changed) {
    // before the render's requests: the server answers problems (e.g. a form's field errors) in the UI's language
    if (changed.has('language')) setApiLanguage(this.language);
    // a module enabled or disabled (the live menu's new list) brings or takes its screens too
    if (changed.has('entities') && changed.get('entities') !== undefined && this.state === 'app') {
      loadScreens().then((s) => { this.screens = s; });
    }
  }

  updated() {
    document.documentElement.lang = this.language;
    // for benchmarks/UiBench.java: the cold start as a user meets it
    if (this.state === 'login' && !performance.getEntriesByName('atrium:login-shown').length) performance.mark('atrium:login-shown');
  }

  async resume() {
    try {
      this.enter(await api('GET', '/api/v1/session'));
    } catch (e) {
      this.state = 'login';
    }
  }

  async enter(session) {
    setCsrfToken(session.csrfToken);
    this.user = session.user || {};
    if (!localStorage.getItem('atrium.language')) this.language = pickLanguage(this.user.language);
    this.state = 'app';
    try {
      const meta = await api('GET', '/api/v1/meta/entities');
      this.entities = meta.items || [];
      this.screens = await loadScreens();
      if (!location.hash && this.entities.length && !viewFor('home')) {
        const first = this.entities.find((e) => e.plural === 'accounts') || this.entities[0];
        location.hash = `#/${first.plural}`;
      }
    } catch (e) {
      this.error = e.message;
    }
    watchEntities(this);
  }

  async login(event) {
    event.preventDefault();
    performance.mark('atrium:login-submit');
    const form = event.target;
    this.busy = true;
    this.error = '';
    try {
      const session = await api('POST', '/api/v1/session', {
        loginName: form.loginName.value,
        password: form.password.value,
      });
      form.password.value = '';
      await this.enter(session);
    } catch (e) {
      this.error = e instanceof ApiError && e.status === 404 ? t(this.language, 'sessionMissing') : e.message;
    } finally {
      this.busy = false;
    }
  }

  async logout() {
    try {
      await api('DELETE', '/api/v1/session');
    } catch (e) {
      // the session is gone either way: show the login page
    }
    stopWatchingEntities();
    setCsrfToken(null);
    this.user = null;
    this.entities = [];
    this.screens = [];
    this.state = 'login';
  }

  switchLanguage(event) {
    this.language = event.target.value;
    rememberLanguage(this.language);
    // logged in: the user's setting too, which the server answers them in wherever they work (another browser, a job)
    if (this.user && this.state === 'app') {
      const language = this.language;
      // one after the other: two quick switches must leave the last choice, not whichever request lands last
      this.languageSaved = (this.languageSaved || Promise.resolve()).then(() => api('PATCH', '/api/v1/me', { language }))
        .then(() => { if (this.user) this.user = { ...this.user, language }; }, () => {});
    }
  }

  languageSelect(id) {
    return html`<label class="language" for=${id}>${t(this.language, 'language')}
      <select id=${id} @change=${this.switchLanguage}>
        ${LANGUAGES.map(([code, name]) => html`<option value=${code} ?selected=${code === this.language}>${name}</option>`)}
      </select></label>`;
  }

  render() {
    if (this.state === 'starting') return html`<p class="loading">${t(this.language, 'loading')}</p>`;
    if (this.state === 'login') return this.renderLogin();
    return this.renderShell();
  }

  renderLogin() {
    const l = this.language;
    return html`
      <main class="login" id="login-page">
        <form class="login-form" @submit=${this.login} novalidate>
          <h1>${t(l, 'appName')}</h1>
          <label for="loginName">${t(l, 'loginName')}</label>
          <input id="loginName" name="loginName" autocomplete="username" required autofocus>
          <label for="password">${t(l, 'password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          ${this.error ? html`<p class="error" role="alert" id="login-error">${this.error}</p>` : nothing}
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t(l, 'signingIn') : t(l, 'signIn')}</button>
          ${this.languageSelect('login-language')}
        </form>
        <section class="first-start" aria-labelledby="first-start-title">
          <h2 id="first-start-title">${t(l, 'firstStartTitle')}</h2>
          <p>${t(l, 'firstStart')}</p>
        </section>
      </main>`;
  }

  renderShell() {
    const l = this.language;
    const route = parseRoute(this.route);
    const entity = route.plural ? this.entities.find((e) => e.plural === route.plural) : undefined;
    return html`
      <header class="topbar">
        <a class="brand" href="#/home">${t(l, 'appName')}</a>
        <span class="spacer"></span>
        ${this.languageSelect('shell-language')}
        <atrium-user-menu .user=${this.user} .language=${l} .app=${this}></atrium-user-menu>
      </header>
      <div class="body">
        <nav class="menu" aria-label=${t(l, 'menu')}>
          <ul>
            <li><a href="#/home" id="menu-home" aria-current=${route.name === 'home' ? 'page' : 'false'}>${t(l, 'home.title')}</a></li>
            ${this.menuEntities(l).map((e) => html`<li><a href=${`#/${e.plural}`} aria-current=${e.plural === route.plural ? 'page' : 'false'}>${label(e.pluralLabel, l, e.plural)}</a></li>`)}
            ${screenMenu(this.screens, route, l)}
          </ul>
          ${this.user.administrator ? html`<ul class="menu-admin"><li><a id="menu-admin" href="#/admin" aria-current=${route.name === 'admin' ? 'page' : 'false'}>${t(l, 'admin.menu')}</a></li></ul>` : nothing}
        </nav>
        <main class="content">
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          ${this.renderView(route, entity)}
        </main>
      </div>`;
  }

  /**
   * The types of the main menu, in the modules' order: configuration is in the administration console and records
   * that live under another record (an email's attachments, an outbox's entries) are reached from it.
   */
  menuEntities(language) {
    return this.entities.filter((e) => (e.menu || 'main') === 'main')
      .sort((a, b) => (a.menuOrder ?? 1000) - (b.menuOrder ?? 1000) || label(a.pluralLabel, language, a.plural).localeCompare(label(b.pluralLabel, language, b.plural), language));
  }

  /** The routed screen; a type that does not exist (or whose module is disabled) is said so. */
  renderView(route, entity) {
    const l = this.language;
    if (route.plural && !entity) return this.entities.length ? html`<p id="not-found">${t(l, 'notFound')}</p>` : nothing;
    const view = viewFor(route.name);
    if (!view) return html`<p id="not-found">${t(l, 'notFound')}</p>`;
    return view({ route, entity, entities: this.entities, language: l, user: this.user, app: this });
  }
}

customElements.define('atrium-app', AtriumApp);
