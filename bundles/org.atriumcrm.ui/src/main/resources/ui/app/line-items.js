// The line-item editor of a document made of lines (a quote, an order, an invoice, a purchase order), built from the
// document type's `lineItems` metadata and the line type's own metadata: no code knows which document it is. Every
// line is saved through the line type's REST API; after each change the lines and the document are read again, so
// every amount on the screen is one the server computed — the browser formats numbers, it never adds them up.

import { LitElement, html, nothing } from 'lit';
import { api, ApiError } from './api.js';
import { addWords, label, t } from './i18n.js';
import { href } from './routes.js';
import { SYSTEM_FIELDS, entityByName, fieldErrors, formatMoney, loadMeta, problemText } from './record-kit.js';
import { fieldErrorText } from './record-form.js';

addWords({
  en: {
    'lines.add': 'Add line',
    'lines.edit': 'Edit',
    'lines.remove': 'Remove',
    'lines.save': 'Save line',
    'lines.cancel': 'Cancel',
    'lines.none': 'No lines yet.',
    'lines.actions': 'Actions',
    'lines.row': (n) => `Line ${n}`,
    'lines.totals': 'Totals',
    'lines.tax': (rate) => `Tax ${rate} %`,
    'lines.frozen': (field, value) => `The lines are read-only while ${field} is “${value}”.`,
    'lines.searchProduct': 'Name, SKU or pinyin',
    'lines.noProduct': 'No active product matches',
    'lines.resolved': (price) => `Price-book price ${price}`,
    'lines.confirmRemove': (name) => `Remove the line “${name}”?`,
    'lines.saved': 'Saved; the totals are the server’s.',
    'lines.pinyin': 'by pinyin',
  },
  'zh-CN': {
    'lines.add': '添加明细',
    'lines.edit': '编辑',
    'lines.remove': '删除',
    'lines.save': '保存明细',
    'lines.cancel': '取消',
    'lines.none': '暂无明细。',
    'lines.actions': '操作',
    'lines.row': (n) => `第 ${n} 行`,
    'lines.totals': '合计',
    'lines.tax': (rate) => `税额（${rate}%）`,
    'lines.frozen': (field, value) => `${field}为“${value}”，明细只读。`,
    'lines.searchProduct': '名称、编码或拼音',
    'lines.noProduct': '没有匹配的启用产品',
    'lines.resolved': (price) => `价格表价格 ${price}`,
    'lines.confirmRemove': (name) => `删除明细“${name}”？`,
    'lines.saved': '已保存，合计由服务器计算。',
    'lines.pinyin': '拼音匹配',
  },
});

/** "13 %: 1300.00; 6 %: 60.00" (the server's tax per rate) as [{rate, amount}]; nothing when it is not that shape. */
export function taxRates(text) {
  if (!text) return [];
  const rates = [];
  for (const part of String(text).split(';')) {
    const m = /^\s*([0-9.]+)\s*%\s*:\s*(-?[0-9.]+)\s*$/.exec(part);
    if (!m) return [];
    rates.push({ rate: m[1], amount: m[2] });
  }
  return rates;
}

const isPercent = (f) => /percent|rate/i.test(f.name);

/** A product picker for a line: type-ahead on the product type's quick search (name, SKU), and pinyin where offered. */
class ProductPicker extends LitElement {
  static properties = {
    field: { attribute: false },
    value: { attribute: false },
    name: { attribute: false },
    entities: { attribute: false },
    language: { attribute: false },
    inputId: { attribute: false },
    invalid: { attribute: false },
    describedBy: { attribute: false },
    text: { state: true },
    options: { state: true },
    active: { state: true },
    open: { state: true },
  };

  constructor() {
    super();
    this.text = '';
    this.options = [];
    this.active = -1;
    this.open = false;
    this.generation = 0;
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('name') && !this.open) this.text = this.name || '';
  }

  get type() {
    return entityByName(this.entities, this.field.referenceTo);
  }

  typed(event) {
    this.text = event.target.value;
    this.open = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(), 200);
  }

  async search() {
    const type = this.type;
    if (!type) return;
    const generation = ++this.generation;
    const q = this.text.trim();
    const params = new URLSearchParams({ limit: '8', filter: 'active eq true' });
    if (q) params.set('q', q);
    const found = [];
    try {
      const page = await api('GET', `${type.href}?${params}`).catch(() => api('GET', `${type.href}?${new URLSearchParams({ limit: '8', ...(q ? { q } : {}) })}`));
      for (const r of page.items || []) found.push({ id: r.id, name: r.name || r.id, sku: r.sku || '', pinyin: false });
    } catch (e) {
      // nothing found is shown as such
    }
    if (/^[A-Za-z]{2,50}$/.test(q)) {
      // the pinyin plugin, where it is installed and indexes this type; its absence (404) or refusal changes nothing
      try {
        const hits = await api('GET', `/api/v1/pinyin/search?${new URLSearchParams({ pinyin: q.toLowerCase(), type: type.name.toLowerCase(), limit: '8' })}`);
        for (const h of hits.items || []) {
          if (!found.some((o) => o.id === h.id)) found.push({ id: h.id, name: h.displayName || h.id, sku: '', pinyin: true });
        }
      } catch (e) {
        // no pinyin here
      }
    }
    if (generation !== this.generation) return;
    this.options = found;
    this.active = found.length ? 0 : -1;
  }

  choose(option) {
    this.text = option.name;
    this.open = false;
    this.options = [];
    this.dispatchEvent(new CustomEvent('product-change', { detail: option, bubbles: true }));
  }

  key(event) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!this.open) { this.open = true; this.search(); return; }
      const n = this.options.length;
      if (n) this.active = (this.active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (event.key === 'Enter' && this.open && this.options[this.active]) {
      event.preventDefault();
      this.choose(this.options[this.active]);
    } else if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      event.stopPropagation();
      this.open = false;
    }
  }

  blurred() {
    setTimeout(() => {
      if (!this.contains(document.activeElement)) this.open = false;
    }, 200);
  }

  render() {
    const l = this.language;
    const listId = `${this.inputId}-options`;
    return html`<div class="ref-input">
      <input id=${this.inputId} role="combobox" autocomplete="off" aria-autocomplete="list"
        aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${listId}
        aria-activedescendant=${this.open && this.active >= 0 ? `${listId}-${this.active}` : ''}
        aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby=${this.describedBy || nothing}
        placeholder=${t(l, 'lines.searchProduct')} .value=${this.text}
        @input=${this.typed} @keydown=${this.key} @focus=${() => { if (!this.value) { this.open = true; this.search(); } }} @blur=${this.blurred}>
      ${this.open ? html`<ul class="ref-options" id=${listId} role="listbox">
        ${this.options.length === 0 ? html`<li class="muted" role="option" aria-disabled="true">${t(l, 'lines.noProduct')}</li>` : nothing}
        ${this.options.map((o, i) => html`<li id=${`${listId}-${i}`} role="option" aria-selected=${i === this.active ? 'true' : 'false'}
          class=${i === this.active ? 'active' : ''} data-id=${o.id} @mousedown=${(e) => { e.preventDefault(); this.choose(o); }}>
          ${o.name}${o.sku ? html` <span class="muted">${o.sku}</span>` : nothing}${o.pinyin ? html` <span class="pill">${t(l, 'lines.pinyin')}</span>` : nothing}</li>`)}
      </ul>` : nothing}
    </div>`;
  }
}

customElements.define('atrium-product-picker', ProductPicker);

/**
 * The editor: `meta` is the document type's metadata (with `lineItems`), `record` the document as last read,
 * `onChanged()` reads the document again (its totals) after every line written.
 */
class LineItemsEditor extends LitElement {
  static properties = {
    meta: { attribute: false },
    record: { attribute: false },
    entities: { attribute: false },
    language: { attribute: false },
    onChanged: { attribute: false },
    lineMeta: { state: true },
    lines: { state: true },
    editing: { state: true },
    error: { state: true },
    refusal: { state: true },
    loadError: { state: true },
    products: { state: true },
    removing: { state: true },
  };

  constructor() {
    super();
    this.lines = null;
    this.editing = null;
    this.error = '';
    this.refusal = '';
    this.loadError = '';
    this.products = new Map();
    this.removing = null;
  }

  createRenderRoot() {
    return this;
  }

  get layout() {
    return this.meta.lineItems;
  }

  willUpdate(changed) {
    if (changed.has('record') && this.record && (!changed.get('record') || changed.get('record').id !== this.record.id)) {
      this.lines = null;
      this.editing = null;
      this.refusal = '';
      this.load();
    }
  }

  async load() {
    try {
      this.lineMeta = await loadMeta(this.layout.entity);
      await this.loadLines();
    } catch (e) {
      this.loadError = problemText(e);
    }
  }

  async loadLines() {
    const base = `/api/v1/${this.meta.plural}/${encodeURIComponent(this.record.id)}/${encodeURIComponent(this.layout.list)}`;
    const items = [];
    // a document's lines are few; pages of 200 until the last (a 200-line quote is read in one)
    for (let offset = 0; ; offset += 200) {
      const page = await api('GET', `${base}?limit=200&offset=${offset}`);
      items.push(...(page.items || []));
      if (!(page.items || []).length || items.length >= (page.total ?? items.length)) break;
    }
    this.lines = items;
    this.resolveProducts(items);
  }

  /** Names and SKUs of the lines' products for lines that do not carry them (one list request for all of them). */
  async resolveProducts(items) {
    const f = this.field(this.layout.product);
    const type = f && entityByName(this.entities, f.referenceTo);
    const ids = [...new Set(items.filter((x) => !x.productName && x[f.name] && !this.products.has(x[f.name])).map((x) => x[f.name]))];
    if (!type || !ids.length) return;
    try {
      const page = await api('GET', `${type.href}?${new URLSearchParams({ limit: '200', filter: `id in (${ids.map((id) => `'${id}'`).join(',')})` })}`);
      const next = new Map(this.products);
      for (const r of page.items || []) next.set(r.id, { name: r.name || r.id, sku: r.sku || '' });
      this.products = next;
    } catch (e) {
      // the ids stay shown
    }
  }

  productOf(line) {
    const known = this.products.get(line[this.layout.product]);
    return { name: line.productName || (known && known.name) || line[this.layout.product], sku: line.sku || (known && known.sku) || '' };
  }

  field(name) {
    return name && this.lineMeta && this.lineMeta.fields.find((f) => f.name === name);
  }

  docField(name) {
    return name && this.meta.fields.find((f) => f.name === name);
  }

  get currency() {
    return (this.layout.currency && this.record[this.layout.currency]) || 'CNY';
  }

  /** Why the lines may not change now, from the document's state; '' when they may. */
  frozenReason() {
    const l = this.language;
    const { stateField, editableStates } = this.layout;
    if (!stateField || !editableStates || !editableStates.length) return '';
    const value = this.record[stateField];
    if (editableStates.includes(value)) return '';
    const f = this.docField(stateField);
    const option = f && (f.picklist || []).find((p) => p.value === value);
    return t(l, 'lines.frozen', f ? label(f.label, l, stateField) : stateField, option ? label(option.label, l, value) : value);
  }

  get readOnly() {
    return Boolean(this.frozenReason() || this.refusal || !(this.lineMeta.rights || []).includes('create'));
  }

  /** The columns: the product, the quantity, the unit price, the line's other writable amounts and rates, the total. */
  columns() {
    const lay = this.layout;
    const fields = this.lineMeta.fields;
    const roles = [lay.product, lay.quantity, lay.unitPrice, lay.lineTotal, lay.field];
    const numeric = (f) => f.type === 'decimal' || f.type === 'integer';
    const extra = fields.filter((f) => numeric(f) && !roles.includes(f.name) && !SYSTEM_FIELDS.has(f.name) && f.name !== 'position'
      && (!f.readOnly || isPercent(f)));
    return [lay.product, lay.quantity, lay.unitPrice].map((n) => this.field(n)).filter(Boolean)
      .concat(extra, [this.field(lay.lineTotal)].filter(Boolean));
  }

  editable(f) {
    return f && !f.readOnly && !SYSTEM_FIELDS.has(f.name);
  }

  money(value) {
    return value === null || value === undefined || value === '' ? '' : formatMoney(value, this.currency, this.language);
  }

  show(f, line) {
    const value = line[f.name];
    if (value === null || value === undefined || value === '') return '';
    if (isPercent(f)) return `${Number(value).toLocaleString(this.language === 'zh-CN' ? 'zh-CN' : 'en-GB')} %`;
    if (f.name === this.layout.quantity || f.type === 'integer') return Number(value).toLocaleString(this.language === 'zh-CN' ? 'zh-CN' : 'en-GB');
    return this.money(value);
  }

  // ---- editing ----

  startAdd() {
    this.error = '';
    this.editing = { id: null, values: {}, original: {}, errors: {}, problem: '', productName: '', resolved: null };
    this.focusEditor();
  }

  startEdit(line) {
    this.error = '';
    const values = {};
    for (const f of this.columns()) if (this.editable(f)) values[f.name] = line[f.name] ?? '';
    this.editing = { id: line.id, values: { ...values }, original: values, errors: {}, problem: '',
      productName: this.productOf(line).name, resolved: null };
    this.focusEditor();
  }

  focusEditor() {
    this.updateComplete.then(() => {
      const first = this.querySelector('.line-editing input');
      if (first) first.focus();
    });
  }

  setValue(name, value) {
    const errors = { ...this.editing.errors };
    delete errors[name];
    this.editing = { ...this.editing, values: { ...this.editing.values, [name]: value }, errors };
  }

  /** The product chosen: its price as the price resolution gives it for this account and quantity, as a hint. */
  async productChosen(option) {
    this.setValue(this.layout.product, option.id);
    this.editing = { ...this.editing, productName: option.name, resolved: null };
    const account = this.record.accountId;
    if (!account || !entityByName(this.entities, 'PriceBook')) return;
    try {
      const quantity = this.editing.values[this.layout.quantity] || '1';
      const price = await api('GET', `/api/v1/price?${new URLSearchParams({ productId: option.id, accountId: account, quantity, currency: this.currency })}`);
      if (this.editing && this.editing.values[this.layout.product] === option.id) this.editing = { ...this.editing, resolved: price };
    } catch (e) {
      // no price shown ahead; the server prices the line when it is saved
    }
  }

  async save(event) {
    if (event) event.preventDefault();
    const e = this.editing;
    const body = {};
    for (const [name, value] of Object.entries(e.values)) {
      const typed = typeof value === 'string' ? value.trim() : value;
      if (e.id) {
        if (String(typed ?? '') !== String(e.original[name] ?? '')) body[name] = typed === '' ? null : typed;
      } else if (typed !== '' && typed !== null && typed !== undefined) {
        body[name] = typed;
      }
    }
    const lineType = entityByName(this.entities, this.layout.entity);
    try {
      if (e.id) {
        if (Object.keys(body).length) await api('PATCH', `${lineType.href}/${encodeURIComponent(e.id)}`, body);
      } else {
        await api('POST', lineType.href, { ...body, [this.layout.field]: this.record.id });
      }
      this.editing = null;
      await this.changed();
    } catch (err) {
      this.refused(err, (problem, errors) => { this.editing = { ...this.editing, errors, problem }; });
    }
  }

  async removeLine(line) {
    this.removing = null;
    const lineType = entityByName(this.entities, this.layout.entity);
    try {
      await api('DELETE', `${lineType.href}/${encodeURIComponent(line.id)}`);
      if (this.editing && this.editing.id === line.id) this.editing = null;
      await this.changed();
    } catch (err) {
      this.refused(err, (problem) => { this.error = problem; });
    }
  }

  /** A 409 (the document frozen meanwhile) makes the editor read-only with the server's reason; others stay at the line. */
  async refused(err, atLine) {
    if (err instanceof ApiError && err.status === 409) {
      this.refusal = problemText(err);
      this.editing = null;
      await this.changed();
      return;
    }
    const errors = fieldErrors(err);
    const named = Object.keys(errors).length > 0;
    atLine(named ? '' : problemText(err), errors);
  }

  async changed() {
    await Promise.all([this.loadLines().catch((e) => { this.loadError = problemText(e); }), this.onChanged ? this.onChanged() : null]);
  }

  // ---- rendering ----

  render() {
    const l = this.language;
    if (this.loadError) return html`<p class="error" role="alert">${this.loadError}</p>`;
    if (!this.lineMeta || !this.lines) return html`<p class="loading">${t(l, 'loading')}</p>`;
    const list = (this.meta.relatedLists || []).find((r) => r.name === this.layout.list);
    const columns = this.columns();
    const reason = this.refusal || this.frozenReason();
    const readOnly = this.readOnly;
    const editingNew = this.editing && !this.editing.id;
    return html`<section class="card line-items" id="line-items" data-entity=${this.layout.entity} aria-labelledby="line-items-title">
      <div class="related-head">
        <h2 id="line-items-title">${list ? label(list.label, l, list.name) : this.layout.list} <span class="count">${this.lines.length}</span></h2>
        ${readOnly ? nothing : html`<button type="button" class="small" id="line-add" ?disabled=${Boolean(this.editing)}
          @click=${() => this.startAdd()}>${t(l, 'lines.add')}</button>`}
      </div>
      ${reason ? html`<p class="banner warning" id="lines-frozen" role="status">${reason}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert" id="lines-error">${this.error}</p>` : nothing}
      ${this.lines.length === 0 && !editingNew ? html`<p class="muted" id="lines-none">${t(l, 'lines.none')}</p>` : nothing}
      ${this.lines.length || editingNew ? html`<div class="table-wrap"><table class="records line-table">
        <thead><tr><th scope="col">#</th>${columns.map((f) => html`<th scope="col" class=${f.type === 'reference' ? '' : 'num'}>${label(f.label, l, f.name)}</th>`)}
          ${readOnly ? nothing : html`<th scope="col"><span class="visually-hidden">${t(l, 'lines.actions')}</span></th>`}</tr></thead>
        <tbody>
          ${this.lines.map((line, i) => (this.editing && this.editing.id === line.id
            ? this.renderEditor(columns, i + 1) : this.renderLine(line, columns, i + 1, readOnly)))}
          ${editingNew ? this.renderEditor(columns, this.lines.length + 1) : nothing}
        </tbody>
      </table></div>` : nothing}
      ${this.renderTotals()}
    </section>`;
  }

  renderLine(line, columns, n, readOnly) {
    const l = this.language;
    const lay = this.layout;
    const warning = lay.warning && line[lay.warning];
    const explanation = lay.explanation && line[lay.explanation];
    const productType = entityByName(this.entities, this.field(lay.product) && this.field(lay.product).referenceTo);
    return html`<tr class="line-row" data-id=${line.id}>
      <td data-label="#">${n}</td>
      ${columns.map((f) => {
        const head = label(f.label, l, f.name);
        if (f.name === lay.product) {
          const { name, sku } = this.productOf(line);
          return html`<td data-label=${head} data-field=${f.name} class="line-product">
            ${productType ? html`<a href=${href([productType.plural, line[f.name]])}>${name}</a>` : name}
            ${sku ? html`<span class="muted sku">${sku}</span>` : nothing}
            ${warning ? html`<span class="line-warning" role="note">⚠ ${warning}</span>` : nothing}</td>`;
        }
        if (f.name === lay.unitPrice && explanation) {
          return html`<td data-label=${head} data-field=${f.name} class="num"><span class="explained" tabindex="0" title=${explanation}
            aria-label=${`${this.show(f, line)} — ${explanation}`}>${this.show(f, line)} <span aria-hidden="true">ⓘ</span></span></td>`;
        }
        return html`<td data-label=${head} data-field=${f.name} class=${f.name === lay.lineTotal ? 'num line-total' : 'num'}>${this.show(f, line)}</td>`;
      })}
      ${readOnly ? nothing : html`<td class="line-actions" data-label=${t(l, 'lines.actions')}>
        <button type="button" class="small secondary line-edit" ?disabled=${Boolean(this.editing)}
          aria-label=${`${t(l, 'lines.edit')}: ${t(l, 'lines.row', n)}`} title=${t(l, 'lines.edit')} @click=${() => this.startEdit(line)}>✎</button>
        <button type="button" class="small ghost line-remove" ?disabled=${Boolean(this.editing)}
          aria-label=${`${t(l, 'lines.remove')}: ${t(l, 'lines.row', n)}`} title=${t(l, 'lines.remove')} @click=${() => { this.removing = line.id; }}>✕</button></td>`}
    </tr>
    ${this.removing === line.id ? html`<tr class="line-confirm"><td colspan=${columns.length + 2}>
      <span role="alert">${t(l, 'lines.confirmRemove', this.productOf(line).name)}</span>
      <button type="button" class="small danger" id="line-remove-confirm" @click=${() => this.removeLine(line)}>${t(l, 'lines.remove')}</button>
      <button type="button" class="small secondary" id="line-remove-keep" @click=${() => { this.removing = null; }}>${t(l, 'lines.cancel')}</button>
    </td></tr>` : nothing}`;
  }

  renderEditor(columns, n) {
    const l = this.language;
    const lay = this.layout;
    const e = this.editing;
    const row = e.id || 'new';
    const cells = columns.map((f) => {
      const head = label(f.label, l, f.name);
      const id = `line-${row}-${f.name}`;
      const error = e.errors[f.name];
      const errId = error ? `${id}-error` : undefined;
      let control;
      if (f.name === lay.product && this.editable(f)) {
        control = html`<atrium-product-picker .field=${f} .value=${e.values[f.name] || null} .name=${e.productName} .entities=${this.entities}
          .language=${l} .inputId=${id} .invalid=${Boolean(error)} .describedBy=${errId}
          @product-change=${(ev) => this.productChosen(ev.detail)}></atrium-product-picker>`;
      } else if (this.editable(f)) {
        const hint = f.name === lay.unitPrice && e.resolved ? e.resolved : null;
        control = html`<input type="text" inputmode="decimal" id=${id} name=${f.name} aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${errId || nothing} ?required=${f.required} .value=${String(e.values[f.name] ?? '')}
          placeholder=${hint ? String(hint.unitPrice) : ''} title=${hint ? hint.explanation || '' : ''}
          @input=${(ev) => this.setValue(f.name, ev.target.value)}>
          ${hint ? html`<small class="muted resolved-price" title=${hint.explanation || ''}>${t(l, 'lines.resolved', this.money(hint.unitPrice))}</small>` : nothing}`;
      } else {
        control = html`<span class="muted">—</span>`;
      }
      return html`<td data-label=${head} data-field=${f.name}>
        ${this.editable(f) ? html`<label class="visually-hidden" for=${id}>${head}</label>` : nothing}
        ${control}${fieldErrorText(id, error)}</td>`;
    });
    // errors on fields that have no column (the document reference, a rule on the whole line) are shown with the line
    const shown = new Set(columns.map((f) => f.name));
    const other = Object.entries(e.errors).filter(([name]) => !shown.has(name)).map(([name, message]) => `${name}: ${message}`);
    return html`<tr class="line-editing" data-id=${e.id || ''} @keydown=${(ev) => { if (ev.key === 'Escape') { this.editing = null; } }}>
        <td data-label="#">${n}</td>${cells}
        <td class="line-actions">
          <button type="button" class="small" id="line-save" @click=${() => this.save()}>${t(l, 'lines.save')}</button>
          <button type="button" class="small secondary" id="line-cancel" @click=${() => { this.editing = null; }}>${t(l, 'lines.cancel')}</button>
        </td>
      </tr>
      ${e.problem || other.length ? html`<tr class="line-problem"><td colspan=${columns.length + 2}>
        <p class="error" role="alert" id="line-error">${e.problem}${other.length ? html` — ${other.join('; ')}` : nothing}</p></td></tr>` : nothing}`;
  }

  renderTotals() {
    const l = this.language;
    const lay = this.layout;
    const totals = (lay.totals || []).map((n) => this.docField(n)).filter(Boolean);
    if (!totals.length) return nothing;
    const last = totals[totals.length - 1];
    const taxes = taxRates(lay.taxBreakdown && this.record[lay.taxBreakdown]);
    const rows = [];
    for (const f of totals) {
      const value = this.record[f.name];
      rows.push(html`<div class="total-row ${f === last ? 'grand' : ''}" data-field=${f.name}>
        <dt>${label(f.label, l, f.name)}</dt><dd>${this.money(value ?? 0)}</dd></div>`);
      if (/tax/i.test(f.name) && taxes.length) {
        for (const tax of taxes) {
          rows.push(html`<div class="total-row tax-rate" data-rate=${tax.rate}><dt>${t(l, 'lines.tax', tax.rate)}</dt><dd>${this.money(tax.amount)}</dd></div>`);
        }
      }
    }
    return html`<dl class="line-totals" id="line-totals" aria-label=${t(l, 'lines.totals')}>${rows}</dl>`;
  }
}

customElements.define('atrium-line-items', LineItemsEditor);
