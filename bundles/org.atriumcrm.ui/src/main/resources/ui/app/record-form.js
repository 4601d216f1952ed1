import { LitElement, html, nothing } from 'lit';
import { api, apiAnswer, ApiError } from './api.js';
import { addWords, label, t } from './i18n.js';
import { href } from './routes.js';
import { registerView } from './views.js';
import {
  SYSTEM_FIELDS, displayName, entityByName, fieldErrors, formatValue, isMoney, loadMeta, problemText, referenceName,
  rememberName, sections,
} from './record-kit.js';

addWords({
  en: {
    'form.create': (type) => `New ${type}`,
    'form.edit': (name) => `Edit ${name}`,
    'form.required': 'required',
    'form.saving': 'Saving…',
    'form.choose': '— choose —',
    'form.search': (type) => `Search ${type}…`,
    'form.clear': 'Clear',
    'form.noMatch': 'No match',
    'form.invalid': 'Please correct the fields marked below.',
    'form.conflict': 'Changed by someone else',
    'form.conflictText': 'This record was changed by someone else after you opened it. Their values are shown next to yours.',
    'form.theirValue': 'Now saved',
    'form.yourValue': 'Yours',
    'form.reload': 'Reload, discard my changes',
    'form.reapply': 'Save mine over theirs',
    'form.duplicate': 'Possible duplicate',
    'form.duplicateText': 'Records like this one exist already:',
    'form.createAnyway': 'Create anyway',
    'form.saveAnyway': 'Save anyway',
    'form.field': 'Field',
  },
  'zh-CN': {
    'form.create': (type) => `新建${type}`,
    'form.edit': (name) => `编辑 ${name}`,
    'form.required': '必填',
    'form.saving': '正在保存…',
    'form.choose': '— 请选择 —',
    'form.search': (type) => `搜索${type}…`,
    'form.clear': '清除',
    'form.noMatch': '没有匹配项',
    'form.invalid': '请更正下面标出的字段。',
    'form.conflict': '记录已被他人修改',
    'form.conflictText': '您打开此记录后，其他人修改了它。下面并列显示了对方保存的值和您的值。',
    'form.theirValue': '当前已保存',
    'form.yourValue': '您的修改',
    'form.reload': '重新加载（放弃我的修改）',
    'form.reapply': '用我的修改覆盖',
    'form.duplicate': '可能重复',
    'form.duplicateText': '已存在类似的记录：',
    'form.createAnyway': '仍然创建',
    'form.saveAnyway': '仍然保存',
    'form.field': '字段',
  },
});

const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'TWD', 'SGD', 'KRW', 'AUD'];

/** A text input that finds records of the referenced type as one types (q on that type) and keeps the id. */
class ReferenceInput extends LitElement {
  static properties = {
    field: { attribute: false },
    value: { attribute: false },
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
    this.timer = null;
    this.generation = 0;
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('value')) {
      if (this.value) {
        referenceName(this.entities, this.field.referenceTo, this.value).then((name) => {
          if (!this.open) this.text = name;
        });
      } else if (!this.open) {
        this.text = '';
      }
    }
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
    const params = new URLSearchParams({ limit: '8' });
    if (this.text.trim()) params.set('q', this.text.trim());
    try {
      const page = await api('GET', `${type.href}?${params}`);
      if (generation !== this.generation) return;
      this.options = (page.items || []).map((r) => ({ id: r.id, name: displayName(r) }));
      this.active = this.options.length ? 0 : -1;
    } catch (e) {
      this.options = [];
    }
  }

  choose(option) {
    rememberName(this.field.referenceTo, option.id, option.name);
    this.text = option.name;
    this.open = false;
    this.options = [];
    this.dispatchEvent(new CustomEvent('value-change', { detail: option.id, bubbles: true }));
  }

  clear() {
    this.text = '';
    this.open = false;
    this.dispatchEvent(new CustomEvent('value-change', { detail: null, bubbles: true }));
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
    // a click on an option lands after the blur: close a moment later
    setTimeout(() => {
      if (!this.contains(document.activeElement)) this.open = false;
    }, 200);
  }

  render() {
    const l = this.language;
    const type = this.type;
    const listId = `${this.inputId}-options`;
    const typeLabel = type ? label(type.label, l, type.name) : this.field.referenceTo;
    return html`
      <div class="ref-input">
        <input id=${this.inputId} role="combobox" autocomplete="off" aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${listId}
          aria-activedescendant=${this.open && this.active >= 0 ? `${listId}-${this.active}` : ''}
          aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby=${this.describedBy || nothing}
          placeholder=${t(l, 'form.search', typeLabel)} .value=${this.text}
          @input=${this.typed} @keydown=${this.key} @focus=${() => { if (!this.value) { this.open = true; this.search(); } }}
          @blur=${this.blurred}>
        ${this.value ? html`<button type="button" class="ghost small ref-clear" @click=${this.clear}
          aria-label=${`${t(l, 'form.clear')}: ${label(this.field.label, l, this.field.name)}`}>×</button>` : nothing}
        ${this.open ? html`<ul class="ref-options" id=${listId} role="listbox">
          ${this.options.length === 0 ? html`<li class="muted" role="option" aria-disabled="true">${t(l, 'form.noMatch')}</li>` : nothing}
          ${this.options.map((o, i) => html`<li id=${`${listId}-${i}`} role="option" aria-selected=${i === this.active ? 'true' : 'false'}
            class=${i === this.active ? 'active' : ''} data-id=${o.id}
            @mousedown=${(e) => { e.preventDefault(); this.choose(o); }}>${o.name}</li>`)}
        </ul>` : nothing}
      </div>`;
  }
}

customElements.define('atrium-ref-input', ReferenceInput);

function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d)) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * The input of one field, by its type: {field, value, record, entities, language, id, error, onChange(value)}.
 * The id is the input's (its label's for); an error is announced through aria-describedby.
 */
export function fieldControl({ field, value, record, entities, language, id, error, onChange }) {
  const l = language;
  const errId = error ? `${id}-error` : undefined;
  const common = { id, errId, invalid: Boolean(error) };
  const v = value === null || value === undefined ? '' : value;
  switch (field.type) {
    case 'picklist':
      return html`<select id=${id} name=${field.name} aria-invalid=${common.invalid ? 'true' : 'false'} aria-describedby=${errId || nothing}
          ?required=${field.required} @change=${(e) => onChange(e.target.value || null)}>
        <option value="" ?selected=${v === ''}>${t(l, 'form.choose')}</option>
        ${(field.picklist || []).map((p) => html`<option value=${p.value} ?selected=${p.value === v}>${label(p.label, l, p.value)}</option>`)}
      </select>`;
    case 'boolean':
      return html`<input type="checkbox" id=${id} name=${field.name} .checked=${Boolean(value)}
        aria-describedby=${errId || nothing} @change=${(e) => onChange(e.target.checked)}>`;
    case 'reference':
      return html`<atrium-ref-input .field=${field} .value=${value || null} .entities=${entities} .language=${l}
        .inputId=${id} .invalid=${common.invalid} .describedBy=${errId}
        @value-change=${(e) => onChange(e.detail)}></atrium-ref-input>`;
    case 'text':
      return html`<textarea id=${id} name=${field.name} rows="4" aria-invalid=${common.invalid ? 'true' : 'false'}
        aria-describedby=${errId || nothing} ?required=${field.required} maxlength=${field.maxLength || nothing}
        .value=${String(v)} @input=${(e) => onChange(e.target.value)}></textarea>`;
    case 'date':
      return html`<input type="date" id=${id} name=${field.name} aria-invalid=${common.invalid ? 'true' : 'false'}
        aria-describedby=${errId || nothing} ?required=${field.required} .value=${String(v)} @change=${(e) => onChange(e.target.value || null)}>`;
    case 'datetime':
      return html`<input type="datetime-local" id=${id} name=${field.name} aria-invalid=${common.invalid ? 'true' : 'false'}
        aria-describedby=${errId || nothing} .value=${toLocalInput(value)}
        @change=${(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : null)}>`;
    case 'decimal':
    case 'integer': {
      const input = html`<input type="text" inputmode=${field.type === 'integer' ? 'numeric' : 'decimal'} id=${id} name=${field.name}
        aria-invalid=${common.invalid ? 'true' : 'false'} aria-describedby=${errId || nothing} ?required=${field.required}
        .value=${String(v)} @input=${(e) => onChange(e.target.value.trim() === '' ? null : e.target.value.trim())}>`;
      if (!isMoney(field)) return input;
      const currency = (record && record.currency) || 'CNY';
      return html`<div class="money-input"><span class="currency" aria-hidden="true">${currency}</span>${input}</div>`;
    }
    default: {
      if (field.name === 'currency') {
        const options = CURRENCIES.includes(v) || v === '' ? CURRENCIES : [v, ...CURRENCIES];
        return html`<select id=${id} name=${field.name} aria-invalid=${common.invalid ? 'true' : 'false'} aria-describedby=${errId || nothing}
            @change=${(e) => onChange(e.target.value || null)}>
          <option value="" ?selected=${v === ''}>${t(l, 'form.choose')}</option>
          ${options.map((c) => html`<option value=${c} ?selected=${c === v}>${c}</option>`)}
        </select>`;
      }
      const type = { email: 'email', phone: 'tel', url: 'url' }[field.type] || 'text';
      return html`<input type=${type} id=${id} name=${field.name} aria-invalid=${common.invalid ? 'true' : 'false'}
        aria-describedby=${errId || nothing} ?required=${field.required} maxlength=${field.maxLength || nothing}
        .value=${String(v)} @input=${(e) => onChange(e.target.value === '' ? null : e.target.value)}>`;
    }
  }
}

export function fieldErrorText(id, error) {
  return error ? html`<p class="field-error" id=${`${id}-error`} role="alert">${error}</p>` : nothing;
}

/**
 * Create and edit forms of any type, from its metadata: hidden fields are absent (the metadata has none of
 * them), read-only ones shown but not editable, problems shown at their fields, a stale version (412) shown with
 * the values saved meanwhile, a duplicate (409) with links to the duplicates and "create anyway".
 */
class RecordForm extends LitElement {
  static properties = {
    entity: { attribute: false },
    entities: { attribute: false },
    route: { attribute: false },
    language: { attribute: false },
    meta: { state: true },
    original: { state: true },
    values: { state: true },
    errors: { state: true },
    banner: { state: true },
    conflict: { state: true },
    duplicates: { state: true },
    busy: { state: true },
    notFound: { state: true },
  };

  constructor() {
    super();
    this.values = {};
    this.errors = {};
    this.banner = '';
    this.key = '';
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    const key = `${this.entity && this.entity.name}/${this.route && this.route.id}`;
    if (key !== this.key && this.entity) {
      this.key = key;
      this.load();
    }
  }

  get recordId() {
    return this.route.id;
  }

  async load() {
    this.meta = null;
    this.original = null;
    this.values = {};
    this.errors = {};
    this.banner = '';
    this.conflict = null;
    this.duplicates = null;
    this.notFound = false;
    window.scrollTo(0, 0); // a new record starts at its top, not where the last screen was scrolled
    try {
      this.meta = await loadMeta(this.entity.name);
      if (this.recordId) {
        const answer = await apiAnswer('GET', `${this.entity.href}/${encodeURIComponent(this.recordId)}`);
        this.original = answer.data;
        this.etag = answer.etag;
        this.values = { ...answer.data };
        document.title = `${displayName(answer.data)} · Atrium CRM`;
      } else {
        // prefill from the address (#/contacts/new?accountId=…), e.g. "new contact" on an account's related list
        const values = {};
        for (const f of this.meta.fields) {
          if (this.route.query.has(f.name)) values[f.name] = this.route.query.get(f.name);
        }
        this.values = values;
      }
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) this.notFound = true;
      else this.banner = problemText(e);
    }
  }

  /** Fields of the form: no id or bookkeeping; read-only ones only when editing, as text. */
  editable(field) {
    return !field.readOnly && !(SYSTEM_FIELDS.has(field.name) && field.name !== 'ownerId');
  }

  shown(field) {
    if (SYSTEM_FIELDS.has(field.name)) return false;
    return this.recordId ? true : !field.readOnly;
  }

  set(field, value) {
    this.values = { ...this.values, [field.name]: value };
    if (this.errors[field.name]) {
      const errors = { ...this.errors };
      delete errors[field.name];
      this.errors = errors;
    }
  }

  body() {
    const body = {};
    for (const f of this.meta.fields) {
      if (!this.editable(f) || !(f.name in this.values)) continue;
      const value = this.values[f.name];
      if (this.recordId) {
        if (!same(value, this.original[f.name])) body[f.name] = value === '' ? null : value;
      } else if (value !== null && value !== '' && value !== undefined) {
        body[f.name] = value;
      }
    }
    return body;
  }

  async save(event, allowDuplicates = false) {
    if (event) event.preventDefault();
    this.busy = true;
    this.banner = '';
    this.errors = {};
    this.duplicates = null;
    const query = allowDuplicates ? '?allowDuplicates=true' : '';
    try {
      let answer;
      if (this.recordId) {
        answer = await apiAnswer('PATCH', `${this.entity.href}/${encodeURIComponent(this.recordId)}${query}`, this.body(),
          this.etag ? { 'If-Match': this.etag } : {});
      } else {
        answer = await apiAnswer('POST', `${this.entity.href}${query}`, this.body());
      }
      rememberName(this.entity.name, answer.data.id, displayName(answer.data));
      location.hash = href([this.entity.plural, answer.data.id]);
    } catch (e) {
      this.failed(e);
    } finally {
      this.busy = false;
    }
  }

  async failed(e) {
    if (!(e instanceof ApiError)) {
      this.banner = problemText(e);
      return;
    }
    const errors = fieldErrors(e);
    const known = new Set(this.meta.fields.filter((f) => this.shown(f)).map((f) => f.name));
    if (Object.keys(errors).length) {
      this.errors = errors;
      const elsewhere = Object.keys(errors).filter((f) => !known.has(f));
      this.banner = elsewhere.length ? problemText(e) : t(this.language, 'form.invalid');
      await this.updateComplete;
      const first = this.querySelector('[aria-invalid=true]');
      if (first) first.focus();
    } else if (e.status === 412) {
      try {
        const answer = await apiAnswer('GET', `${this.entity.href}/${encodeURIComponent(this.recordId)}`);
        this.conflict = { current: answer.data, etag: answer.etag };
      } catch (again) {
        this.banner = problemText(again);
      }
    } else if (e.status === 409 && e.problem && Array.isArray(e.problem.duplicates)) {
      this.duplicates = e.problem.duplicates;
    } else {
      this.banner = problemText(e);
    }
  }

  reload() {
    const { current, etag } = this.conflict;
    this.original = current;
    this.etag = etag;
    this.values = { ...current };
    this.conflict = null;
  }

  reapply() {
    // mine over theirs: the changes I made are sent again against the version now saved
    const mine = this.body();
    this.original = this.conflict.current;
    this.etag = this.conflict.etag;
    this.values = { ...this.conflict.current, ...mine };
    this.conflict = null;
    this.save(null);
  }

  renderConflict() {
    const l = this.language;
    const changed = this.meta.fields.filter((f) => !SYSTEM_FIELDS.has(f.name)
      && (!same(this.conflict.current[f.name], this.original[f.name]) || !same(this.values[f.name], this.original[f.name])));
    return html`<section class="banner warning" id="form-conflict" role="alert" aria-labelledby="form-conflict-title">
      <h2 id="form-conflict-title">${t(l, 'form.conflict')}</h2>
      <p>${t(l, 'form.conflictText')}</p>
      <table class="compare">
        <thead><tr><th scope="col">${t(l, 'form.field')}</th><th scope="col">${t(l, 'form.theirValue')}</th><th scope="col">${t(l, 'form.yourValue')}</th></tr></thead>
        <tbody>${changed.map((f) => html`<tr data-field=${f.name}>
          <th scope="row">${label(f.label, l, f.name)}</th>
          <td class="theirs">${formatValue(f, this.conflict.current[f.name], this.conflict.current, l)}</td>
          <td class="mine">${formatValue(f, this.values[f.name], this.values, l)}</td></tr>`)}</tbody>
      </table>
      <div class="button-row">
        <button type="button" id="conflict-reload" class="secondary" @click=${this.reload}>${t(l, 'form.reload')}</button>
        <button type="button" id="conflict-reapply" @click=${this.reapply}>${t(l, 'form.reapply')}</button>
      </div>
    </section>`;
  }

  renderDuplicates() {
    const l = this.language;
    return html`<section class="banner warning" id="form-duplicates" role="alert" aria-labelledby="form-duplicates-title">
      <h2 id="form-duplicates-title">${t(l, 'form.duplicate')}</h2>
      <p>${t(l, 'form.duplicateText')}</p>
      <ul>${this.duplicates.map((d) => {
        const type = entityByName(this.entities, d.entity) || this.entity;
        return html`<li><a class="duplicate-link" href=${href([type.plural, d.id])}>${d.displayName || d.id}</a></li>`;
      })}</ul>
      <button type="button" id="create-anyway" @click=${() => this.save(null, true)}>
        ${this.recordId ? t(l, 'form.saveAnyway') : t(l, 'form.createAnyway')}</button>
    </section>`;
  }

  render() {
    const l = this.language;
    if (!this.entity) return nothing;
    if (this.notFound) return notFoundScreen(this.entity, l);
    if (!this.meta) return html`${this.banner ? html`<p class="error" role="alert">${this.banner}</p>` : html`<p class="loading">${t(l, 'loading')}</p>`}`;
    if (this.recordId && !this.original) return html`<p class="error" role="alert">${this.banner}</p>`;
    const typeLabel = label(this.entity.label, l, this.entity.name);
    const title = this.recordId ? t(l, 'form.edit', displayName(this.original)) : t(l, 'form.create', typeLabel);
    const cancel = this.recordId ? href([this.entity.plural, this.recordId]) : href([this.entity.plural]);
    return html`
      <form class="record-form" id="record-form" data-entity=${this.entity.name} @submit=${(e) => this.save(e)} novalidate>
        <div class="record-head">
          <div>
            <p class="eyebrow">${typeLabel}</p>
            <h1 id="form-title">${title}</h1>
          </div>
          <div class="button-row">
            <a class="button secondary" href=${cancel} id="form-cancel">${t(l, 'record.cancel')}</a>
            <button type="submit" id="form-save" ?disabled=${this.busy}>${this.busy ? t(l, 'form.saving') : t(l, 'record.save')}</button>
          </div>
        </div>
        ${this.banner ? html`<p class="error" role="alert" id="form-error">${this.banner}</p>` : nothing}
        ${this.conflict ? this.renderConflict() : nothing}
        ${this.duplicates ? this.renderDuplicates() : nothing}
        ${sections(this.meta, l).map((s) => {
          const fields = s.fields.filter((f) => this.shown(f));
          if (!fields.length) return nothing;
          return html`<fieldset class="card form-section" data-section=${s.key}>
            <legend>${s.title}</legend>
            <div class="field-grid">${fields.map((f) => this.renderField(f))}</div>
          </fieldset>`;
        })}
        <div class="button-row end">
          <a class="button secondary" href=${cancel}>${t(l, 'record.cancel')}</a>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? t(l, 'form.saving') : t(l, 'record.save')}</button>
        </div>
      </form>`;
  }

  renderField(f) {
    const l = this.language;
    const id = `f-${f.name}`;
    const error = this.errors[f.name];
    const wide = f.type === 'text' || /street/i.test(f.name);
    if (!this.editable(f)) {
      return html`<div class="form-field readonly ${wide ? 'wide' : ''}" data-field=${f.name}>
        <span class="field-label" id=${`${id}-label`}>${label(f.label, l, f.name)}</span>
        <span class="field-value" aria-labelledby=${`${id}-label`}>${formatValue(f, this.values[f.name], this.values, l)}</span>
      </div>`;
    }
    return html`<div class="form-field ${f.type === 'boolean' ? 'check' : ''} ${wide ? 'wide' : ''} ${error ? 'has-error' : ''}" data-field=${f.name}>
      <label for=${id}>${label(f.label, l, f.name)}${f.required ? html`<span class="req" aria-hidden="true"> *</span><span class="visually-hidden"> (${t(l, 'form.required')})</span>` : nothing}</label>
      ${fieldControl({ field: f, value: this.values[f.name], record: this.values, entities: this.entities, language: l, id, error,
        onChange: (value) => this.set(f, value) })}
      ${fieldErrorText(id, error)}
    </div>`;
  }
}

function same(a, b) {
  const norm = (v) => (v === undefined || v === '' ? null : v);
  return String(norm(a)) === String(norm(b));
}

/** What a record the caller may not see, or that does not exist, shows: the same for both, on purpose. */
export function notFoundScreen(entity, language) {
  const l = language;
  return html`<section class="card not-found" id="record-not-found" role="alert">
    <h1>${t(l, 'record.notFoundTitle')}</h1>
    <p>${t(l, 'record.notFoundText')}</p>
    <a class="button secondary" href=${href([entity.plural])}>${label(entity.pluralLabel, l, entity.plural)}</a>
  </section>`;
}

addWords({
  en: {
    'record.notFoundTitle': 'Not found or not allowed',
    'record.notFoundText': 'This record does not exist, was deleted, or you are not allowed to see it.',
  },
  'zh-CN': {
    'record.notFoundTitle': '记录不存在或无权查看',
    'record.notFoundText': '该记录不存在、已被删除，或您没有查看它的权限。',
  },
});

customElements.define('atrium-record-form', RecordForm);

registerView('form', ({ entity, entities, route, language }) => html`<atrium-record-form .entity=${entity} .entities=${entities}
  .route=${route} .language=${language}></atrium-record-form>`);
