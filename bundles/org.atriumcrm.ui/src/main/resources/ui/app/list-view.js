import { LitElement, html, nothing } from 'lit';
import { api, problemText } from './api.js';
import { addWords, label, t } from './i18n.js';
import { href } from './routes.js';
import { registerView } from './views.js';
import { defaultColumns, knownColumns } from './list-columns.js';
import { operatorsFor, parseFilter } from './list-filter.js';
import './list-saved-views.js';
import './list-mass.js';
import { entityByName, loadDirectory, referenceNames } from './record-kit.js';

/** Fields holding a user's or group's id, shown by name from the directory. */
const PEOPLE_FIELDS = new Set(['ownerId', 'createdBy', 'modifiedBy']);

addWords({
  en: {
    'list.filter': 'Filter',
    'list.columns': 'Columns',
    'list.export': 'Export',
    'list.exportCsv': 'CSV',
    'list.exportXlsx': 'Excel',
    'list.import': 'Import',
    'list.selectAll': 'Select all rows of this page',
    'list.selectRow': 'Select this row',
    'list.clearFilter': 'Clear the filter',
    'list.filterUnreadable': 'A filter the builder cannot show is applied:',
  },
  'zh-CN': {
    'list.filter': '筛选',
    'list.columns': '列',
    'list.export': '导出',
    'list.exportCsv': 'CSV',
    'list.exportXlsx': 'Excel',
    'list.import': '导入',
    'list.selectAll': '选择本页全部行',
    'list.selectRow': '选择此行',
    'list.clearFilter': '清除筛选',
    'list.filterUnreadable': '已应用筛选条件：',
  },
});

const PAGE = 20;

/**
 * A list of any entity type, built from its metadata. Its state — sort, quick search, filter, columns, page and
 * saved view — lives in the URL's query (#/accounts?sort=-name&filter=…&cols=name,industry), so back/forward,
 * reloads and bookmarks show the same list. The filter builder, column chooser, saved views and mass operations
 * are elements of their own (list-filter.js, list-columns.js, list-saved-views.js, list-mass.js).
 */
class ListView extends LitElement {
  static properties = {
    entity: { attribute: false },
    entities: { attribute: false },
    route: { attribute: false },
    user: { attribute: false },
    language: { attribute: false },
    meta: { state: true },
    people: { state: true },
    refNames: { state: true },
    page: { state: true },
    error: { state: true },
    panel: { state: true },
    selected: { state: true },
  };

  constructor() {
    super();
    this.people = new Map();
    this.refNames = new Map();
    loadDirectory().then((entries) => { this.people = new Map(entries.map((e) => [e.id, e])); });
    this.page = null;
    this.meta = null;
    this.error = '';
    this.panel = '';
    this.selected = new Set();
    this.generation = 0;
    this.state = { sort: '', q: '', filter: '', cols: [], offset: 0, view: '' };
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (!this.entity) return;
    // the type shown, apart from its metadata: a render while the metadata loads is no change of type
    const entityChanged = this.shownEntity !== this.entity.name;
    if (entityChanged) {
      this.shownEntity = this.entity.name;
      this.meta = null;
      this.page = null;
      this.panel = '';
    }
    if (entityChanged || changed.has('route')) {
      const query = (this.route && this.route.query) || new URLSearchParams();
      const next = {
        sort: query.get('sort') || '',
        q: query.get('q') || '',
        filter: query.get('filter') || '',
        cols: (query.get('cols') || '').split(',').filter(Boolean),
        offset: Math.max(0, parseInt(query.get('offset') || '0', 10) || 0),
        view: query.get('view') || '',
      };
      const same = JSON.stringify(next) === JSON.stringify(this.state);
      if (!same || entityChanged) {
        if (next.filter !== this.state.filter || next.q !== this.state.q || entityChanged) this.selected = new Set();
        this.state = next;
        this.load();
      }
    }
  }

  /** Goes to the list with these changes of its state (a new history entry; the hash change loads it). */
  navigate(changes) {
    const s = { ...this.state, ...changes };
    const query = {};
    if (s.view) query.view = s.view;
    if (s.cols.length) query.cols = s.cols.join(',');
    if (s.sort) query.sort = s.sort;
    if (s.filter) query.filter = s.filter;
    if (s.q) query.q = s.q;
    if (s.offset) query.offset = String(s.offset);
    location.hash = href([this.entity.plural], query);
  }

  get columns() {
    const fields = (this.meta && this.meta.fields) || [];
    const names = knownColumns(this.meta, this.state.cols);
    const chosen = names.length ? names : defaultColumns(this.meta);
    return chosen.map((n) => fields.find((f) => f.name === n));
  }

  /** The list query as URL parameters (the list, the export and the mass operations use the same). */
  queryParams() {
    const params = new URLSearchParams();
    if (this.state.sort) params.set('sort', this.state.sort);
    if (this.state.q) params.set('q', this.state.q);
    if (this.state.filter) params.set('filter', this.state.filter);
    return params;
  }

  async load() {
    const generation = ++this.generation;
    performance.mark('atrium:list-request');
    this.error = '';
    try {
      if (!this.meta) {
        const meta = await api('GET', `/api/v1/meta/entities/${encodeURIComponent(this.entity.name)}`);
        if (generation !== this.generation) return;
        this.meta = meta;
      }
      const params = this.queryParams();
      params.set('offset', String(this.state.offset));
      params.set('limit', String(PAGE));
      const page = await api('GET', `${this.entity.href}?${params}`);
      // a slower, older answer must not replace a newer one
      if (generation === this.generation) {
        this.page = page;
        this.resolveReferences(page.items || []);
      }
    } catch (e) {
      if (generation === this.generation) {
        this.error = problemText(e);
        this.page = null;
      }
    }
  }

  /**
   * The names behind the reference columns' ids (an account's name in a contacts list), one list request per
   * referenced type for the whole page; ids the caller may not see stay ids.
   */
  async resolveReferences(items) {
    const fields = ((this.meta && this.meta.fields) || []).filter((f) => !PEOPLE_FIELDS.has(f.name));
    const found = await referenceNames(this.entities, fields, items, this.refNames);
    if (found.size) this.refNames = new Map([...this.refNames, ...found]);
  }

  updated(changed) {
    // for benchmarks/UiBench.java: the rows are on the screen at the next frame after lit rendered them
    if (changed.has('page') && this.page) requestAnimationFrame(() => performance.mark('atrium:list-rendered'));
  }

  sortBy(field) {
    this.navigate({ sort: this.state.sort === field.name ? `-${field.name}` : field.name, offset: 0 });
  }

  search(event) {
    event.preventDefault();
    this.navigate({ q: event.target.q.value.trim(), offset: 0 });
  }

  go(delta) {
    this.navigate({ offset: Math.max(0, this.state.offset + delta) });
  }

  togglePanel(name) {
    this.panel = this.panel === name ? '' : name;
  }

  pickView(view) {
    if (!view) {
      this.navigate({ view: '', cols: [], sort: '', filter: '', q: '', offset: 0 });
      return;
    }
    this.navigate({ view: view.id, cols: view.columns || [], sort: view.sort || '', filter: view.filter || '', q: '', offset: 0 });
  }

  select(id, on) {
    const selected = new Set(this.selected);
    if (on) selected.add(id); else selected.delete(id);
    this.selected = selected;
  }

  selectPage(on) {
    const selected = new Set(this.selected);
    for (const row of (this.page && this.page.items) || []) {
      if (on) selected.add(row.id); else selected.delete(row.id);
    }
    this.selected = selected;
  }

  massDone() {
    this.selected = new Set();
    this.load();
  }

  cell(field, value) {
    if (value === null || value === undefined) return '';
    if ((PEOPLE_FIELDS.has(field.name) || field.type === 'id') && this.people.has(value)) return this.people.get(value).name;
    if (field.type === 'reference' && this.refNames.has(value)) return this.refNames.get(value);
    if (field.type === 'picklist' && field.picklist) {
      const option = field.picklist.find((p) => p.value === value);
      return option ? label(option.label, this.language, value) : String(value);
    }
    if (field.type === 'boolean') return value ? '✓' : '';
    if (field.type === 'datetime' && typeof value === 'string') {
      const d = new Date(value);
      return isNaN(d) ? value : d.toLocaleString(this.language);
    }
    if (field.type === 'date' && typeof value === 'string') {
      const d = new Date(`${value}T00:00:00`);
      return isNaN(d) ? value : d.toLocaleDateString(this.language);
    }
    if (field.type === 'decimal' && (typeof value === 'number' || typeof value === 'string') && value !== '' && !isNaN(Number(value))) {
      return Number(value).toLocaleString(this.language, { maximumFractionDigits: 2 });
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  /** A reference cell whose name is known links to the referenced record. */
  referenceLink(field, value) {
    if (field.type !== 'reference' || !value || !this.refNames.has(value)) return null;
    const type = entityByName(this.entities || [], field.referenceTo);
    return type ? html`<a href=${`#/${type.plural}/${encodeURIComponent(value)}`}>${this.refNames.get(value)}</a>` : null;
  }

  sortIndicator(field) {
    if (this.state.sort === field.name) return '▲';
    if (this.state.sort === `-${field.name}`) return '▼';
    return '';
  }

  ariaSort(field) {
    if (this.state.sort === field.name) return 'ascending';
    if (this.state.sort === `-${field.name}`) return 'descending';
    return 'none';
  }

  /** The applied filter as chips ("Industry equals Retail"), or its text when the builder cannot read it. */
  filterChips() {
    const l = this.language;
    if (!this.state.filter || !this.meta) return nothing;
    const conditions = parseFilter(this.state.filter, this.meta.fields);
    const fields = new Map(this.meta.fields.map((f) => [f.name, f]));
    const shown = (f, v) => {
      if (f && f.type === 'picklist' && f.picklist) return label((f.picklist.find((p) => p.value === v) || {}).label, l, v);
      if (f && (PEOPLE_FIELDS.has(f.name) || f.type === 'id') && this.people.has(v)) return this.people.get(v).name;
      return f && f.type === 'reference' && this.refNames.has(v) ? this.refNames.get(v) : v;
    };
    return html`<div class="filter-chips" id="filter-chips">
      ${conditions.length ? conditions.map((c) => {
        const f = fields.get(c.field);
        const op = f && operatorsFor(f).includes(c.op) ? t(l, `filter.op.${c.op}`) || c.op : c.op;
        return html`<span class="chip"><b>${label(f && f.label, l, c.field)}</b> ${op} ${c.values.map((v) => shown(f, v)).join(', ')}</span>`;
      }) : html`<span class="chip">${t(l, 'list.filterUnreadable')} ${this.state.filter}</span>`}
      <button type="button" class="ghost small" id="filter-chips-clear" @click=${() => this.navigate({ filter: '', offset: 0 })}>${t(l, 'list.clearFilter')}</button>
    </div>`;
  }

  panelContent() {
    const l = this.language;
    if (this.panel === 'filter') {
      return html`<atrium-filter-builder .meta=${this.meta} .language=${l} .filter=${this.state.filter}
        @filter-change=${(e) => this.navigate({ filter: e.detail.filter, offset: 0 })}></atrium-filter-builder>`;
    }
    if (this.panel === 'columns') {
      return html`<atrium-column-chooser .meta=${this.meta} .language=${l} .columns=${this.columns.map((f) => f.name)}
        @columns-change=${(e) => { this.panel = ''; this.navigate({ cols: e.detail.columns }); }}></atrium-column-chooser>`;
    }
    return nothing;
  }

  renderToolbar() {
    const l = this.language;
    const params = this.queryParams();
    const exportHref = (format) => `${this.entity.href}/export?${new URLSearchParams([...params, ['format', format]])}`;
    const filterCount = this.state.filter ? (parseFilter(this.state.filter, this.meta && this.meta.fields).length || 1) : 0;
    return html`
      <div class="list-toolbar">
        <atrium-saved-views .entity=${this.entity} .language=${l} .viewId=${this.state.view}
          .current=${{ columns: this.state.cols, sort: this.state.sort, filter: this.state.filter }}
          @view-pick=${(e) => this.pickView(e.detail.view)}
          @view-saved=${(e) => this.navigate({ view: e.detail.view.id })}></atrium-saved-views>
        <span class="spacer"></span>
        <button type="button" class="secondary" id="toggle-filter" aria-expanded=${this.panel === 'filter' ? 'true' : 'false'}
          @click=${() => this.togglePanel('filter')}>▾ ${t(l, 'list.filter')}${filterCount ? html` <span class="count">${filterCount}</span>` : nothing}</button>
        <button type="button" class="secondary" id="toggle-columns" aria-expanded=${this.panel === 'columns' ? 'true' : 'false'}
          @click=${() => this.togglePanel('columns')}>▥ ${t(l, 'list.columns')}</button>
        <span class="export" role="group" aria-label=${t(l, 'list.export')}>
          <span class="muted">${t(l, 'list.export')}</span>
          <a class="button-link" id="export-csv" href=${exportHref('csv')} download>${t(l, 'list.exportCsv')}</a>
          <a class="button-link" id="export-xlsx" href=${exportHref('xlsx')} download>${t(l, 'list.exportXlsx')}</a>
        </span>
        ${this.entity.importable ? html`<a class="button-link" id="import-link" href=${`#/import/${encodeURIComponent(this.entity.plural)}`}>⇪ ${t(l, 'list.import')}</a>` : nothing}
      </div>`;
  }

  render() {
    const l = this.language;
    if (!this.entity) return nothing;
    const title = label(this.entity.pluralLabel, l, this.entity.plural);
    const columns = this.meta ? this.columns : [];
    const items = (this.page && this.page.items) || [];
    const total = this.page ? this.page.total : undefined;
    const exact = !this.page || this.page.totalExact !== false;
    const offset = this.state.offset;
    const hasNext = this.page && (total !== undefined ? offset + items.length < total || !exact : items.length === PAGE);
    const pageSelected = items.length > 0 && items.every((r) => this.selected.has(r.id));
    return html`
      <section class="list-view" data-entity=${this.entity.name}>
        <div class="list-head">
          <h1 id="list-title">${title}</h1>
          ${this.meta && (this.meta.rights || []).includes('create')
            ? html`<a class="button" id="new-record" href=${`#/${this.entity.plural}/new`}>${t(l, 'record.new') || '+'}</a>` : nothing}
          <form class="quick-search" role="search" @submit=${this.search}>
            <label class="visually-hidden" for="q">${t(l, 'search')}</label>
            <input id="q" name="q" type="search" placeholder=${t(l, 'searchPlaceholder')} .value=${this.state.q}>
            <button type="submit">${t(l, 'search')}</button>
          </form>
        </div>
        ${this.meta ? this.renderToolbar() : nothing}
        ${this.meta && this.panel ? html`<div class="list-panel">${this.panelContent()}</div>` : nothing}
        ${this.filterChips()}
        ${this.error ? html`<p class="error" role="alert" id="list-error">${this.error}</p>` : nothing}
        <atrium-pinyin-hits .entity=${this.entity} .q=${this.state.q} .language=${l}></atrium-pinyin-hits>
        ${!this.page && !this.error ? html`<p class="loading">${t(l, 'loading')}</p>` : nothing}
        ${this.page ? html`
          <atrium-mass-actions .entity=${this.entity} .meta=${this.meta} .language=${l} .user=${this.user || {}}
            .selection=${[...this.selected]} .query=${{ filter: this.state.filter, q: this.state.q }} .total=${total}
            @mass-done=${this.massDone} @selection-clear=${() => { this.selected = new Set(); }}></atrium-mass-actions>
          <div class="table-wrap">
            <table class="records">
              <thead><tr>
                <th scope="col" class="select"><input type="checkbox" id="select-page" aria-label=${t(l, 'list.selectAll')}
                  .checked=${pageSelected} @change=${(e) => this.selectPage(e.target.checked)}></th>
                ${columns.map((f) => html`<th scope="col" aria-sort=${this.ariaSort(f)} data-field=${f.name}>${f.sortable
                  ? html`<button type="button" class="sort" data-field=${f.name} title=${`${t(l, 'sortBy')}: ${label(f.label, l, f.name)}`}
                      @click=${() => this.sortBy(f)}>${label(f.label, l, f.name)} <span aria-hidden="true">${this.sortIndicator(f)}</span></button>`
                  : label(f.label, l, f.name)}</th>`)}
              </tr></thead>
              <tbody>
                ${items.length === 0 ? html`<tr><td colspan=${columns.length + 1}>${t(l, 'noRows')}</td></tr>` : nothing}
                ${items.map((row) => html`<tr data-id=${row.id} class=${this.selected.has(row.id) ? 'selected' : ''}>
                  <td class="select"><input type="checkbox" class="row-select" aria-label=${t(l, 'list.selectRow')}
                    .checked=${this.selected.has(row.id)} @change=${(e) => this.select(row.id, e.target.checked)}></td>
                  ${columns.map((f, i) => html`<td data-field=${f.name}>${i === 0
                    ? html`<a class="record-link" href=${`#/${this.entity.plural}/${encodeURIComponent(row.id)}`}>${this.cell(f, row[f.name]) || row.id}</a>`
                    : this.referenceLink(f, row[f.name]) || this.cell(f, row[f.name])}</td>`)}</tr>`)}
              </tbody>
            </table>
          </div>
          <div class="pager">
            <span id="range">${items.length ? t(l, 'rows', offset + 1, offset + items.length, total ?? '?', exact) : ''}</span>
            <button type="button" class="secondary" id="prev" ?disabled=${offset === 0} @click=${() => this.go(-PAGE)}>${t(l, 'previous')}</button>
            <button type="button" class="secondary" id="next" ?disabled=${!hasNext} @click=${() => this.go(PAGE)}>${t(l, 'next')}</button>
          </div>` : nothing}
      </section>`;
  }
}

customElements.define('atrium-list-view', ListView);

registerView('list', ({ entity, entities, route, user, language }) => html`<atrium-list-view .entity=${entity} .entities=${entities}
  .route=${route} .user=${user} .language=${language}></atrium-list-view>`);
