import { LitElement, html } from 'lit';
import { addWords, label, t } from './i18n.js';

// The column chooser of a list: which fields are shown and in which order. It sends 'columns-change' with
// detail {columns: [field names]}; the list keeps them in its URL (cols=) and saved views keep them too.

addWords({
  en: {
    'columns.title': 'Columns',
    'columns.apply': 'Apply columns',
    'columns.reset': 'Default columns',
    'columns.up': 'Move up',
    'columns.down': 'Move down',
    'columns.shown': (n) => `${n} shown`,
  },
  'zh-CN': {
    'columns.title': '显示列',
    'columns.apply': '应用',
    'columns.reset': '默认列',
    'columns.up': '上移',
    'columns.down': '下移',
    'columns.shown': (n) => `已显示 ${n} 列`,
  },
});

/** Kept out of the default columns: bookkeeping and long text. */
const HIDDEN_BY_DEFAULT = new Set(['id', 'version', 'createdBy', 'modifiedBy', 'createdAt', 'ownerId', 'description']);
const DEFAULT_COLUMNS = 7;

export function defaultColumns(meta) {
  const fields = (meta && meta.fields) || [];
  return fields.filter((f) => !HIDDEN_BY_DEFAULT.has(f.name) && f.type !== 'text' && f.type !== 'id')
    .slice(0, DEFAULT_COLUMNS).map((f) => f.name);
}

/** The column names that exist for the caller (a saved or bookmarked list may name a field now hidden). */
export function knownColumns(meta, names) {
  const fields = new Set(((meta && meta.fields) || []).map((f) => f.name));
  return names.filter((n) => fields.has(n));
}

class ColumnChooser extends LitElement {
  static properties = {
    meta: { attribute: false },
    language: { attribute: false },
    columns: { attribute: false },
    order: { state: true },
    shown: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('columns') || changed.has('meta')) {
      const names = ((this.meta && this.meta.fields) || []).map((f) => f.name);
      const chosen = this.columns || [];
      // the shown ones first, in their order, then the rest in the metadata's order
      this.order = [...chosen, ...names.filter((n) => !chosen.includes(n))];
      this.shown = new Set(chosen);
    }
  }

  field(name) {
    return ((this.meta && this.meta.fields) || []).find((f) => f.name === name);
  }

  toggle(name, on) {
    const shown = new Set(this.shown);
    if (on) shown.add(name); else shown.delete(name);
    this.shown = shown;
  }

  move(index, delta) {
    const to = index + delta;
    if (to < 0 || to >= this.order.length) return;
    const order = [...this.order];
    [order[index], order[to]] = [order[to], order[index]];
    this.order = order;
    // keep the focus on the moved row's same button, so a keyboard user can press it again
    this.updateComplete.then(() => {
      const button = this.querySelector(`[data-column="${order[to]}"] .${delta < 0 ? 'up' : 'down'}`);
      if (button && !button.disabled) button.focus();
    });
  }

  send(columns) {
    this.dispatchEvent(new CustomEvent('columns-change', { detail: { columns }, bubbles: true }));
  }

  render() {
    const l = this.language;
    return html`
      <form class="column-chooser" aria-labelledby="columns-title"
        @submit=${(e) => { e.preventDefault(); this.send(this.order.filter((n) => this.shown.has(n))); }}>
        <h2 id="columns-title" class="panel-title">${t(l, 'columns.title')} <small class="muted">${t(l, 'columns.shown', this.shown.size)}</small></h2>
        <ol class="column-list">
          ${this.order.map((name, i) => {
            const f = this.field(name);
            const id = `column-${name}`;
            return html`<li data-column=${name}>
              <input type="checkbox" id=${id} .checked=${this.shown.has(name)} @change=${(e) => this.toggle(name, e.target.checked)}>
              <label for=${id}>${label(f && f.label, l, name)}</label>
              <span class="spacer"></span>
              <button type="button" class="icon ghost up" title=${t(l, 'columns.up')} aria-label=${`${t(l, 'columns.up')}: ${label(f && f.label, l, name)}`}
                ?disabled=${i === 0} @click=${() => this.move(i, -1)}>↑</button>
              <button type="button" class="icon ghost down" title=${t(l, 'columns.down')} aria-label=${`${t(l, 'columns.down')}: ${label(f && f.label, l, name)}`}
                ?disabled=${i === this.order.length - 1} @click=${() => this.move(i, 1)}>↓</button>
            </li>`;
          })}
        </ol>
        <div class="panel-actions">
          <button type="button" class="secondary" id="columns-reset" @click=${() => this.send([])}>${t(l, 'columns.reset')}</button>
          <span class="spacer"></span>
          <button type="submit" id="columns-apply">${t(l, 'columns.apply')}</button>
        </div>
      </form>`;
  }
}

customElements.define('atrium-column-chooser', ColumnChooser);
