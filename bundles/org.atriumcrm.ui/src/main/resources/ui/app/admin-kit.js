// What the administration sections share: their registry (the console's navigation is built from it), a base
// element with loading / error / busy handling, and small formatters. Every value is bound as text.
import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { t } from './i18n.js';

const sections = [];

/** Group order of the console's navigation. */
export const GROUPS = ['platform', 'security', 'messaging', 'sales', 'data'];

/**
 * Registers a section: id (the #/admin/<id> address), group (one of GROUPS), render(ctx) → template; ctx is the
 * view's {language, entities, user, app}. Order within a group is registration order.
 */
export function adminSection(id, group, render) {
  sections.push({ id, group, render });
}

export function adminSections() {
  return GROUPS.flatMap((g) => sections.filter((s) => s.group === g));
}

/** Each invalid field with its message, or else the problem's detail. */
export function problemText(e) {
  const fields = (e && e.problem && e.problem.errors) || [];
  const detail = e ? e.message : '';
  return fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : detail;
}

export function when(value, language) {
  if (!value) return '';
  const d = new Date(value);
  return isNaN(d) ? String(value) : d.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A coloured state badge: the class says the tone, the text is the (translated) state. */
export function badge(text, tone) {
  return html`<span class=${`badge badge-${tone || 'neutral'}`}>${text}</span>`;
}

/** A section element: light DOM (the one stylesheet), `language`, an `error` and `notice` line, `busy`. */
export class AdminElement extends LitElement {
  static properties = {
    language: { attribute: false },
    entities: { attribute: false },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    loaded: { state: true },
  };

  constructor() {
    super();
    this.error = '';
    this.notice = '';
    this.busy = false;
    this.loaded = false;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.reload();
  }

  /** Override: fetch what the section shows. */
  async load() {}

  async reload() {
    try {
      await this.load();
      this.loaded = true;
    } catch (e) {
      this.error = problemText(e);
    }
  }

  /** Runs a change: busy while it runs, its problem shown, the section reloaded after it; true when it worked. */
  async run(change, notice) {
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await change();
      if (notice) this.notice = notice;
      await this.reload();
      return true;
    } catch (e) {
      this.error = problemText(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  t(key, ...args) {
    return t(this.language, key, ...args);
  }

  messages() {
    return html`
      ${this.error ? html`<p class="error" role="alert" id="admin-error">${this.error}</p>` : nothing}
      ${this.notice ? html`<p class="ok" role="status" id="admin-notice">${this.notice}</p>` : nothing}
      ${!this.loaded && !this.error ? html`<p class="loading">${this.t('loading')}</p>` : nothing}`;
  }

  dialog(id) {
    return this.querySelector(`#${id}`);
  }
}

export { api, html, nothing };
