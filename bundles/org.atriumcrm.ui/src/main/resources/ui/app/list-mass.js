import { LitElement, html, nothing } from 'lit';
import { api, problemText } from './api.js';
import { addWords, label, t } from './i18n.js';
import './job-progress.js';
import { loadDirectory } from './record-kit.js';

// Mass update / transfer / delete of a list's rows as background jobs (POST /api/v1/jobs/mass-update|mass-transfer|
// mass-delete with the list query), either of the selected rows (id in (…)) or of every record the list's query
// matches, with the job's live progress. Sends 'mass-done' {job} when the job has ended.

addWords({
  en: {
    'mass.selected': (n) => `${n} selected`,
    'mass.scope': 'Apply to',
    'mass.scopeSelected': (n) => `the ${n} selected rows`,
    'mass.scopeAll': (n) => `all ${n} records of this list`,
    'mass.update': 'Update field',
    'mass.transfer': 'Transfer',
    'mass.delete': 'Delete',
    'mass.field': 'Field',
    'mass.value': 'New value',
    'mass.owner': 'New owner',
    'mass.me': 'Me',
    'mass.group': 'group',
    'mass.start': 'Start',
    'mass.cancel': 'Close',
    'mass.confirmDelete': (n) => `Move ${n} records to the recycle bin?`,
    'mass.clear': 'Clear selection',
    'mass.yes': 'yes',
    'mass.no': 'no',
  },
  'zh-CN': {
    'mass.selected': (n) => `已选 ${n} 条`,
    'mass.scope': '应用于',
    'mass.scopeSelected': (n) => `选中的 ${n} 条`,
    'mass.scopeAll': (n) => `本列表全部 ${n} 条记录`,
    'mass.update': '批量更新',
    'mass.transfer': '批量转移',
    'mass.delete': '批量删除',
    'mass.field': '字段',
    'mass.value': '新值',
    'mass.owner': '新负责人',
    'mass.me': '我自己',
    'mass.group': '组',
    'mass.start': '开始',
    'mass.cancel': '关闭',
    'mass.confirmDelete': (n) => `将 ${n} 条记录移入回收站？`,
    'mass.clear': '取消选择',
    'mass.yes': '是',
    'mass.no': '否',
  },
});

const SYSTEM = new Set(['id', 'version', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy', 'ownerId']);

/** The fields a mass update may set: what a form could write. */
function writableFields(meta) {
  return ((meta && meta.fields) || []).filter((f) => !f.readOnly && !SYSTEM.has(f.name) && f.type !== 'id');
}

function typed(field, raw) {
  if (raw === '') return null;
  if (field.type === 'integer') return parseInt(raw, 10);
  if (field.type === 'decimal') return raw;
  if (field.type === 'boolean') return raw === 'true';
  if (field.type === 'datetime') return new Date(raw).toISOString();
  return raw;
}

class MassActions extends LitElement {
  static properties = {
    entity: { attribute: false },
    meta: { attribute: false },
    language: { attribute: false },
    user: { attribute: false },
    selection: { attribute: false },
    query: { attribute: false },
    total: { attribute: false },
    action: { state: true },
    scope: { state: true },
    field: { state: true },
    users: { state: true },
    job: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.action = '';
    this.scope = 'selected';
    this.users = null;
    this.job = null;
    this.error = '';
  }

  createRenderRoot() {
    return this;
  }

  willUpdate() {
    if (this.scope === 'selected' && !this.selection.length) this.scope = 'all';
  }

  get count() {
    return this.scope === 'selected' ? this.selection.length : this.total;
  }

  open(action) {
    this.action = this.action === action ? '' : action;
    this.error = '';
    this.job = null;
    if (action === 'update' && !this.field) this.field = (writableFields(this.meta)[0] || {}).name;
    if (action === 'transfer' && this.users === null) this.loadUsers();
  }

  /** Every active colleague and group can receive records (the directory is open to every signed-in user). */
  async loadUsers() {
    this.users = [];
    const entries = await loadDirectory();
    this.users = entries.filter((e) => e.active && e.id !== this.user.id);
  }

  /** The list query of the chosen scope, as the jobs take it. */
  target() {
    if (this.scope === 'selected') {
      const ids = this.selection.map((id) => `'${String(id).replace(/'/g, "''")}'`).join(', ');
      return { entity: this.entity.plural, filter: [`id in (${ids})`] };
    }
    const body = { entity: this.entity.plural, filter: this.query.filter ? [this.query.filter] : [] };
    if (this.query.q) body.q = this.query.q;
    return body;
  }

  async start(event) {
    event.preventDefault();
    const form = event.target;
    const l = this.language;
    this.error = '';
    let path;
    const body = this.target();
    if (this.action === 'update') {
      const field = writableFields(this.meta).find((f) => f.name === form.massField.value);
      path = '/api/v1/jobs/mass-update';
      body.values = { [field.name]: typed(field, form.massValue.value) };
    } else if (this.action === 'transfer') {
      path = '/api/v1/jobs/mass-transfer';
      body.ownerId = form.massOwner.value;
    } else {
      if (!confirm(t(l, 'mass.confirmDelete', this.count))) return;
      path = '/api/v1/jobs/mass-delete';
    }
    try {
      this.job = await api('POST', path, body);
    } catch (e) {
      this.error = problemText(e);
    }
  }

  valueInput() {
    const l = this.language;
    const f = writableFields(this.meta).find((x) => x.name === this.field);
    if (!f) return nothing;
    if (f.type === 'picklist' && f.picklist) {
      return html`<select id="mass-value" name="massValue">
        <option value="">—</option>
        ${f.picklist.map((p) => html`<option value=${p.value}>${label(p.label, l, p.value)}</option>`)}</select>`;
    }
    if (f.type === 'boolean') {
      return html`<select id="mass-value" name="massValue"><option value="true">${t(l, 'mass.yes')}</option><option value="false">${t(l, 'mass.no')}</option></select>`;
    }
    const type = f.type === 'integer' || f.type === 'decimal' ? 'number' : f.type === 'date' ? 'date' : f.type === 'datetime' ? 'datetime-local' : f.type === 'email' ? 'email' : 'text';
    return html`<input id="mass-value" name="massValue" type=${type} step=${f.type === 'decimal' ? 'any' : nothing} maxlength=${f.maxLength || nothing}>`;
  }

  form() {
    const l = this.language;
    if (!this.action) return nothing;
    return html`
      <form class="mass-form" @submit=${this.start} aria-label=${t(l, `mass.${this.action}`)}>
        <fieldset class="mass-scope">
          <legend>${t(l, 'mass.scope')}</legend>
          <label class="check"><input type="radio" name="scope" value="selected" id="mass-scope-selected" .checked=${this.scope === 'selected'}
            ?disabled=${!this.selection.length} @change=${() => { this.scope = 'selected'; }}> ${t(l, 'mass.scopeSelected', this.selection.length)}</label>
          <label class="check"><input type="radio" name="scope" value="all" id="mass-scope-all" .checked=${this.scope === 'all'}
            @change=${() => { this.scope = 'all'; }}> ${t(l, 'mass.scopeAll', this.total ?? '?')}</label>
        </fieldset>
        ${this.action === 'update' ? html`
          <label for="mass-field">${t(l, 'mass.field')}</label>
          <select id="mass-field" name="massField" @change=${(e) => { this.field = e.target.value; }}>
            ${writableFields(this.meta).map((f) => html`<option value=${f.name} ?selected=${f.name === this.field}>${label(f.label, l, f.name)}</option>`)}
          </select>
          <label for="mass-value">${t(l, 'mass.value')}</label>
          ${this.valueInput()}` : nothing}
        ${this.action === 'transfer' ? html`
          <label for="mass-owner">${t(l, 'mass.owner')}</label>
          <select id="mass-owner" name="massOwner">
            <option value=${this.user.id}>${t(l, 'mass.me')} (${this.user.displayName || this.user.loginName})</option>
            ${(this.users || []).map((u) => html`<option value=${u.id}>${u.name}${u.kind === 'group' ? ` · ${t(l, 'mass.group')}` : ''}</option>`)}
          </select>` : nothing}
        <button type="submit" id="mass-start" class=${this.action === 'delete' ? 'danger' : ''}
          ?disabled=${this.job && !['completed', 'failed', 'cancelled'].includes(this.job.status)}>${t(l, 'mass.start')}</button>
        <button type="button" class="ghost" @click=${() => { this.action = ''; this.job = null; }}>${t(l, 'mass.cancel')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert" id="mass-error">${this.error}</p>` : nothing}`;
  }

  /** The job stays in view with its result; the form closes when it ends, so a second click never reruns it on another scope. */
  jobDone(event) {
    this.action = '';
    this.dispatchEvent(new CustomEvent('mass-done', { detail: event.detail, bubbles: true }));
  }

  render() {
    const l = this.language;
    const n = this.selection.length;
    return html`
      <div class="mass-bar ${n ? 'has-selection' : ''}">
        <span class="mass-count" id="mass-count">${n ? t(l, 'mass.selected', n) : ''}</span>
        ${n ? html`<button type="button" class="ghost" id="mass-clear" @click=${() => this.dispatchEvent(new CustomEvent('selection-clear', { bubbles: true }))}>${t(l, 'mass.clear')}</button>` : nothing}
        <span class="spacer"></span>
        ${['update', 'transfer', 'delete'].map((a) => html`<button type="button" class=${`secondary ${a === 'delete' ? 'danger' : ''}`} id=${`mass-${a}`}
          aria-expanded=${this.action === a ? 'true' : 'false'} @click=${() => { if (n) this.scope = 'selected'; this.open(a); }}>${t(l, `mass.${a}`)}</button>`)}
      </div>
      ${this.form()}
      ${this.job ? html`<atrium-job-progress .job=${this.job} .language=${l} @job-done=${this.jobDone}></atrium-job-progress>` : nothing}`;
  }
}

customElements.define('atrium-mass-actions', MassActions);
