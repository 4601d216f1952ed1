import { LitElement, html, nothing } from 'lit';
import { addWords, label, t } from './i18n.js';

// The filter builder of a list: conditions built from the entity's metadata, written in the API's own filter
// language (ListParams on the server: clause {and clause}; eq ne lt le gt ge like in, is null, is not null), so the
// list URL, a saved view and a mass operation all carry the same text.

addWords({
  en: {
    'filter.title': 'Filter',
    'filter.add': 'Add condition',
    'filter.apply': 'Apply filter',
    'filter.clear': 'Clear',
    'filter.remove': 'Remove condition',
    'filter.field': 'Field',
    'filter.operator': 'Operator',
    'filter.value': 'Value',
    'filter.valuesHint': 'several values: one per line',
    'filter.none': 'No conditions: every record is listed.',
    'filter.true': 'yes',
    'filter.false': 'no',
    'filter.op.eq': 'equals',
    'filter.op.ne': 'does not equal',
    'filter.op.lt': 'less than',
    'filter.op.le': 'at most',
    'filter.op.gt': 'greater than',
    'filter.op.ge': 'at least',
    'filter.op.like': 'matches (* = any text)',
    'filter.op.in': 'is one of',
    'filter.op.null': 'is empty',
    'filter.op.notnull': 'is not empty',
    'filter.date.lt': 'before',
    'filter.date.le': 'on or before',
    'filter.date.gt': 'after',
    'filter.date.ge': 'on or after',
  },
  'zh-CN': {
    'filter.title': '筛选',
    'filter.add': '添加条件',
    'filter.apply': '应用筛选',
    'filter.clear': '清除',
    'filter.remove': '删除条件',
    'filter.field': '字段',
    'filter.operator': '运算符',
    'filter.value': '值',
    'filter.valuesHint': '多个值：每行一个',
    'filter.none': '没有条件：列出全部记录。',
    'filter.true': '是',
    'filter.false': '否',
    'filter.op.eq': '等于',
    'filter.op.ne': '不等于',
    'filter.op.lt': '小于',
    'filter.op.le': '小于等于',
    'filter.op.gt': '大于',
    'filter.op.ge': '大于等于',
    'filter.op.like': '匹配（* 代表任意文字）',
    'filter.op.in': '属于',
    'filter.op.null': '为空',
    'filter.op.notnull': '不为空',
    'filter.date.lt': '早于',
    'filter.date.le': '不晚于',
    'filter.date.gt': '晚于',
    'filter.date.ge': '不早于',
  },
});

const NUMBERS = new Set(['integer', 'decimal']);
const DATES = new Set(['date', 'datetime']);

/** The operators the API takes for a field of this type (ListParams.FilterParser refuses the others). */
export function operatorsFor(field) {
  const type = field.type;
  if (type === 'boolean') return ['eq', 'ne', 'null', 'notnull'];
  if (type === 'picklist' || type === 'reference' || type === 'id') return ['eq', 'ne', 'in', 'null', 'notnull'];
  if (NUMBERS.has(type) || DATES.has(type)) return ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'null', 'notnull'];
  return ['like', 'eq', 'ne', 'in', 'lt', 'le', 'gt', 'ge', 'null', 'notnull'];
}

function quote(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** A datetime-local input's value (local time) as the API's UTC instant, and back. */
function toInstant(local) {
  const d = new Date(local);
  return isNaN(d) ? local : d.toISOString();
}
function toLocal(instant) {
  const d = new Date(instant);
  if (isNaN(d)) return instant;
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Conditions [{field, op, values}] → the filter parameter's text ('' for none). Incomplete ones are left out. */
export function formatFilter(conditions, fields) {
  const byName = new Map((fields || []).map((f) => [f.name, f]));
  return conditions
    .filter((c) => c.field && c.op && (c.op === 'null' || c.op === 'notnull' || c.values.some((v) => v !== '')))
    .map((c) => {
      const field = byName.get(c.field);
      const value = (v) => (field && field.type === 'datetime' ? quote(toInstant(v)) : quote(v));
      if (c.op === 'null') return `${c.field} is null`;
      if (c.op === 'notnull') return `${c.field} is not null`;
      if (c.op === 'in') return `${c.field} in (${c.values.filter((v) => v !== '').map(value).join(', ')})`;
      return `${c.field} ${c.op} ${value(c.values[0])}`;
    })
    .join(' and ');
}

/** The filter parameter's text → conditions; text the builder cannot read gives [] (the list still applies it). */
export function parseFilter(text, fields) {
  const byName = new Map((fields || []).map((f) => [f.name, f]));
  const conditions = [];
  let pos = 0;
  const space = () => { while (pos < text.length && /\s/.test(text[pos])) pos++; };
  const word = () => {
    space();
    const start = pos;
    while (pos < text.length && /[\p{L}\p{N}_]/u.test(text[pos])) pos++;
    return text.slice(start, pos);
  };
  const value = () => {
    space();
    if (text[pos] === "'") {
      let out = '';
      pos++;
      while (pos < text.length) {
        const c = text[pos++];
        if (c === "'") {
          if (text[pos] === "'") { out += "'"; pos++; } else return out;
        } else out += c;
      }
      throw new Error('unterminated');
    }
    const start = pos;
    while (pos < text.length && !/[\s,)]/.test(text[pos])) pos++;
    return text.slice(start, pos);
  };
  try {
    while (true) {
      const field = word();
      if (!field) break;
      const op = word().toLowerCase();
      let c;
      if (op === 'is') {
        const next = word().toLowerCase();
        if (next === 'null') c = { field, op: 'null', values: [] };
        else if (next === 'not' && word().toLowerCase() === 'null') c = { field, op: 'notnull', values: [] };
        else throw new Error('is');
      } else if (op === 'in') {
        space();
        if (text[pos++] !== '(') throw new Error('(');
        const values = [];
        do { values.push(value()); space(); } while (text[pos] === ',' && ++pos);
        if (text[pos++] !== ')') throw new Error(')');
        c = { field, op, values };
      } else if (['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'like'].includes(op)) {
        c = { field, op, values: [value()] };
      } else throw new Error(op);
      const f = byName.get(field);
      if (f && f.type === 'datetime') c.values = c.values.map(toLocal);
      conditions.push(c);
      const joiner = word().toLowerCase();
      if (!joiner) break;
      if (joiner !== 'and') throw new Error(joiner);
    }
    return conditions;
  } catch (e) {
    return [];
  }
}

/** The fields a list may filter by. */
export function filterableFields(meta) {
  return ((meta && meta.fields) || []).filter((f) => f.filterable);
}

/**
 * <atrium-filter-builder .meta .language .filter> — edits the conditions and sends 'filter-change' with
 * detail {filter} (the API's text) when applied or cleared.
 */
class FilterBuilder extends LitElement {
  static properties = {
    meta: { attribute: false },
    language: { attribute: false },
    filter: { attribute: false },
    rows: { state: true },
  };

  constructor() {
    super();
    this.rows = [];
    this.filter = '';
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('filter') || changed.has('meta')) {
      const parsed = parseFilter(this.filter || '', this.meta && this.meta.fields);
      this.rows = parsed.length ? parsed : [this.emptyRow()];
    }
  }

  emptyRow() {
    const first = filterableFields(this.meta)[0];
    return { field: first ? first.name : '', op: first ? operatorsFor(first)[0] : 'eq', values: [''] };
  }

  field(name) {
    return filterableFields(this.meta).find((f) => f.name === name);
  }

  change(index, patch) {
    this.rows = this.rows.map((r, i) => (i === index ? { ...r, ...patch } : r));
  }

  changeField(index, name) {
    const f = this.field(name);
    const ops = f ? operatorsFor(f) : ['eq'];
    const row = this.rows[index];
    this.change(index, { field: name, op: ops.includes(row.op) ? row.op : ops[0], values: [''] });
  }

  apply(event) {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('filter-change', {
      detail: { filter: formatFilter(this.rows, this.meta && this.meta.fields) }, bubbles: true,
    }));
  }

  clear() {
    this.rows = [this.emptyRow()];
    this.dispatchEvent(new CustomEvent('filter-change', { detail: { filter: '' }, bubbles: true }));
  }

  opLabel(field, op) {
    const l = this.language;
    if (field && DATES.has(field.type) && ['lt', 'le', 'gt', 'ge'].includes(op)) return t(l, `filter.date.${op}`);
    return t(l, `filter.op.${op}`);
  }

  valueInput(row, index) {
    const l = this.language;
    const f = this.field(row.field);
    if (!f || row.op === 'null' || row.op === 'notnull') return html`<span class="filter-novalue"></span>`;
    const id = `filter-value-${index}`;
    const set = (values) => this.change(index, { values });
    if (f.type === 'picklist' && f.picklist) {
      const multiple = row.op === 'in';
      return html`<label class="visually-hidden" for=${id}>${t(l, 'filter.value')}</label>
        <select id=${id} class="filter-value" ?multiple=${multiple} size=${multiple ? Math.min(5, f.picklist.length) : 1}
          @change=${(e) => set([...e.target.selectedOptions].map((o) => o.value))}>
          ${multiple ? nothing : html`<option value="" ?selected=${!row.values[0]}>—</option>`}
          ${f.picklist.map((p) => html`<option value=${p.value} ?selected=${row.values.includes(p.value)}>${label(p.label, l, p.value)}</option>`)}
        </select>`;
    }
    if (f.type === 'boolean') {
      return html`<label class="visually-hidden" for=${id}>${t(l, 'filter.value')}</label>
        <select id=${id} class="filter-value" @change=${(e) => set([e.target.value])}>
          <option value="" ?selected=${!row.values[0]}>—</option>
          <option value="true" ?selected=${row.values[0] === 'true'}>${t(l, 'filter.true')}</option>
          <option value="false" ?selected=${row.values[0] === 'false'}>${t(l, 'filter.false')}</option>
        </select>`;
    }
    if (row.op === 'in') {
      return html`<label class="visually-hidden" for=${id}>${t(l, 'filter.value')}</label>
        <textarea id=${id} class="filter-value" rows="2" placeholder=${t(l, 'filter.valuesHint')}
          .value=${row.values.join('\n')} @input=${(e) => set(e.target.value.split('\n').map((v) => v.trim()))}></textarea>`;
    }
    const type = NUMBERS.has(f.type) ? 'number' : f.type === 'date' ? 'date' : f.type === 'datetime' ? 'datetime-local' : 'text';
    return html`<label class="visually-hidden" for=${id}>${t(l, 'filter.value')}</label>
      <input id=${id} class="filter-value" type=${type} step=${f.type === 'decimal' ? 'any' : nothing}
        .value=${row.values[0] || ''} @input=${(e) => set([e.target.value])}>`;
  }

  render() {
    const l = this.language;
    const fields = filterableFields(this.meta);
    return html`
      <form class="filter-builder" @submit=${this.apply} aria-labelledby="filter-title">
        <h2 id="filter-title" class="panel-title">${t(l, 'filter.title')}</h2>
        ${this.rows.map((row, i) => {
          const f = this.field(row.field);
          return html`<div class="filter-row" data-index=${i}>
            <label class="visually-hidden" for=${`filter-field-${i}`}>${t(l, 'filter.field')}</label>
            <select id=${`filter-field-${i}`} class="filter-field" @change=${(e) => this.changeField(i, e.target.value)}>
              ${fields.map((fd) => html`<option value=${fd.name} ?selected=${fd.name === row.field}>${label(fd.label, l, fd.name)}</option>`)}
            </select>
            <label class="visually-hidden" for=${`filter-op-${i}`}>${t(l, 'filter.operator')}</label>
            <select id=${`filter-op-${i}`} class="filter-op" @change=${(e) => this.change(i, { op: e.target.value, values: [''] })}>
              ${(f ? operatorsFor(f) : []).map((op) => html`<option value=${op} ?selected=${op === row.op}>${this.opLabel(f, op)}</option>`)}
            </select>
            ${this.valueInput(row, i)}
            <button type="button" class="icon ghost" title=${t(l, 'filter.remove')} aria-label=${t(l, 'filter.remove')}
              @click=${() => { this.rows = this.rows.filter((_, j) => j !== i); }}>✕</button>
          </div>`;
        })}
        ${this.rows.length === 0 ? html`<p class="muted">${t(l, 'filter.none')}</p>` : nothing}
        <div class="panel-actions">
          <button type="button" class="ghost" id="filter-add" @click=${() => { this.rows = [...this.rows, this.emptyRow()]; }}>+ ${t(l, 'filter.add')}</button>
          <span class="spacer"></span>
          <button type="button" class="secondary" id="filter-clear" @click=${this.clear}>${t(l, 'filter.clear')}</button>
          <button type="submit" id="filter-apply">${t(l, 'filter.apply')}</button>
        </div>
      </form>`;
  }
}

customElements.define('atrium-filter-builder', FilterBuilder);
