import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { label, t } from './i18n.js';
import { registerView } from './views.js';

const PAGE = 20;
/** Kept out of the default columns: bookkeeping and long text. */
const HIDDEN_BY_DEFAULT = new Set(['id', 'version', 'createdBy', 'modifiedBy', 'createdAt', 'ownerId', 'description']);
const MAX_COLUMNS = 7;

/**
 * A list of any entity type, built from its metadata: columns, click-to-sort (sortable fields only), quick
 * search (q), 20 rows a page with the API's bounded total.
 */
class ListView extends LitElement {
  static properties = {
    entity: { attribute: false },
    language: { attribute: false },
    meta: { state: true },
    page: { state: true },
    sort: { state: true },
    q: { state: true },
    offset: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.sort = '';
    this.q = '';
    this.offset = 0;
    this.page = null;
    this.meta = null;
    this.error = '';
    this.generation = 0;
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('entity') && this.entity && (!this.meta || this.meta.name !== this.entity.name)) {
      this.meta = null;
      this.page = null;
      this.sort = '';
      this.q = '';
      this.offset = 0;
      this.load();
    }
  }

  get columns() {
    const fields = (this.meta && this.meta.fields) || [];
    const shown = fields.filter((f) => !HIDDEN_BY_DEFAULT.has(f.name) && f.type !== 'text' && f.type !== 'id');
    return shown.slice(0, MAX_COLUMNS);
  }

  async load() {
    const generation = ++this.generation;
    this.error = '';
    try {
      if (!this.meta) this.meta = await api('GET', `/api/v1/meta/entities/${encodeURIComponent(this.entity.name)}`);
      const params = new URLSearchParams({ offset: String(this.offset), limit: String(PAGE) });
      if (this.sort) params.set('sort', this.sort);
      if (this.q) params.set('q', this.q);
      const page = await api('GET', `${this.entity.href}?${params}`);
      // a slower, older answer must not replace a newer one
      if (generation === this.generation) this.page = page;
    } catch (e) {
      if (generation === this.generation) this.error = e.message;
    }
  }

  sortBy(field) {
    this.sort = this.sort === field.name ? `-${field.name}` : field.name;
    this.offset = 0;
    this.load();
  }

  search(event) {
    event.preventDefault();
    this.q = event.target.q.value.trim();
    this.offset = 0;
    this.load();
  }

  go(delta) {
    this.offset = Math.max(0, this.offset + delta);
    this.load();
  }

  cell(field, value) {
    if (value === null || value === undefined) return '';
    if (field.type === 'picklist' && field.picklist) {
      const option = field.picklist.find((p) => p.value === value);
      return option ? label(option.label, this.language, value) : String(value);
    }
    if (field.type === 'boolean') return value ? '✓' : '';
    if (field.type === 'datetime' && typeof value === 'string') {
      const d = new Date(value);
      return isNaN(d) ? value : d.toLocaleString(this.language);
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  sortIndicator(field) {
    if (this.sort === field.name) return '▲';
    if (this.sort === `-${field.name}`) return '▼';
    return '';
  }

  ariaSort(field) {
    if (this.sort === field.name) return 'ascending';
    if (this.sort === `-${field.name}`) return 'descending';
    return 'none';
  }

  render() {
    const l = this.language;
    if (!this.entity) return nothing;
    const title = label(this.entity.pluralLabel, l, this.entity.plural);
    const columns = this.columns;
    const items = (this.page && this.page.items) || [];
    const total = this.page ? this.page.total : undefined;
    const exact = !this.page || this.page.totalExact !== false;
    const hasNext = this.page && (total !== undefined ? this.offset + items.length < total || !exact : items.length === PAGE);
    return html`
      <section class="list-view" data-entity=${this.entity.name}>
        <div class="list-head">
          <h1 id="list-title">${title}</h1>
          <form class="quick-search" role="search" @submit=${this.search}>
            <label class="visually-hidden" for="q">${t(l, 'search')}</label>
            <input id="q" name="q" type="search" placeholder=${t(l, 'searchPlaceholder')} .value=${this.q}>
            <button type="submit">${t(l, 'search')}</button>
          </form>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <atrium-pinyin-hits .entity=${this.entity} .q=${this.q} .language=${l}></atrium-pinyin-hits>
        ${!this.page && !this.error ? html`<p class="loading">${t(l, 'loading')}</p>` : nothing}
        ${this.page ? html`
          <div class="table-wrap">
            <table class="records">
              <thead><tr>
                ${columns.map((f) => html`<th scope="col" aria-sort=${this.ariaSort(f)}>${f.sortable
                  ? html`<button type="button" class="sort" data-field=${f.name} title=${`${t(l, 'sortBy')}: ${label(f.label, l, f.name)}`}
                      @click=${() => this.sortBy(f)}>${label(f.label, l, f.name)} <span aria-hidden="true">${this.sortIndicator(f)}</span></button>`
                  : label(f.label, l, f.name)}</th>`)}
              </tr></thead>
              <tbody>
                ${items.length === 0 ? html`<tr><td colspan=${columns.length || 1}>${t(l, 'noRows')}</td></tr>` : nothing}
                ${items.map((row) => html`<tr data-id=${row.id}>${columns.map((f) => html`<td>${this.cell(f, row[f.name])}</td>`)}</tr>`)}
              </tbody>
            </table>
          </div>
          <div class="pager">
            <span id="range">${items.length ? t(l, 'rows', this.offset + 1, this.offset + items.length, total ?? '?', exact) : ''}</span>
            <button type="button" id="prev" ?disabled=${this.offset === 0} @click=${() => this.go(-PAGE)}>${t(l, 'previous')}</button>
            <button type="button" id="next" ?disabled=${!hasNext} @click=${() => this.go(PAGE)}>${t(l, 'next')}</button>
          </div>` : nothing}
      </section>`;
  }
}

customElements.define('atrium-list-view', ListView);

registerView('list', ({ entity, language }) => html`<atrium-list-view .entity=${entity} .language=${language}></atrium-list-view>`);
