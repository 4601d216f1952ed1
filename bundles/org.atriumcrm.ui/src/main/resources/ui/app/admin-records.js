// Administration of configuration that the API keeps as ordinary records (mailboxes, outboxes, web-to-lead forms,
// assignment rules, sales processes and stages): a table built from the metadata with the type's admin actions
// (connection test, replay of dead letters); creating and editing go to the general record form.
import { addWords, label } from './i18n.js';
import { href } from './routes.js';
import { AdminElement, adminSection, api, badge, html, nothing, problemText } from './admin-kit.js';

addWords({
  en: {
    'admin.section.mailboxes': 'Mailboxes',
    'admin.section.mail-outbox': 'Mail outbox',
    'admin.section.sms-outbox': 'SMS outbox',
    'admin.section.mail-scan-failures': 'Unfiled mail',
    'admin.section.lead-forms': 'Web-to-lead forms',
    'admin.section.lead-assignment-rules': 'Lead assignment rules',
    'admin.section.sales-processes': 'Sales processes',
    'admin.section.sales-stages': 'Sales stages',
    'rec.notEnabled': 'The module of this section is not enabled. Enable it under Modules.',
    'rec.new': 'New',
    'rec.all': 'All',
    'rec.dead': 'Dead letters',
    'rec.none': 'Nothing here.',
    'rec.open': 'Open',
    'rec.test': 'Test connection',
    'rec.testOk': 'Connection and login work.',
    'rec.testFailed': (step, detail) => `Failed at ${step}: ${detail}`,
    'rec.replay': 'Replay',
    'rec.replayed': 'Put back into the outbox.',
    'rec.more': (n) => `Showing the first ${n}.`,
  },
  'zh-CN': {
    'admin.section.mailboxes': '邮箱',
    'admin.section.mail-outbox': '邮件发件箱',
    'admin.section.sms-outbox': '短信发件箱',
    'admin.section.mail-scan-failures': '未归档邮件',
    'admin.section.lead-forms': '网页线索表单',
    'admin.section.lead-assignment-rules': '线索分配规则',
    'admin.section.sales-processes': '销售流程',
    'admin.section.sales-stages': '销售阶段',
    'rec.notEnabled': '本功能所属的模块未启用，请在“模块”中启用。',
    'rec.new': '新建',
    'rec.all': '全部',
    'rec.dead': '死信',
    'rec.none': '暂无记录。',
    'rec.open': '打开',
    'rec.test': '测试连接',
    'rec.testOk': '连接和登录正常。',
    'rec.testFailed': (step, detail) => `在 ${step} 步骤失败：${detail}`,
    'rec.replay': '重新投递',
    'rec.replayed': '已放回发件箱。',
    'rec.more': (n) => `仅显示前 ${n} 条。`,
  },
});

const LIMIT = 50;
/** Written by the platform as it sends and files: an administrator looks and replays, never creates. */
const CREATED_BY_SYSTEM = new Set(['mail-outbox', 'sms-outbox', 'mail-scan-failures']);
const SKIP = new Set(['id', 'version', 'createdBy', 'modifiedBy', 'createdAt', 'modifiedAt', 'ownerId', 'description', 'deletedAt', 'deletedBy']);

class AdminRecords extends AdminElement {
  static properties = {
    ...AdminElement.properties,
    plural: { attribute: false },
    entity: { attribute: false },
    meta: { state: true },
    page: { state: true },
    deadOnly: { state: true },
    results: { state: true },
  };

  constructor() {
    super();
    this.deadOnly = false;
    this.results = {};
  }

  willUpdate(changed) {
    if (changed.has('plural') && changed.get('plural') !== undefined) {
      this.meta = null;
      this.page = null;
      this.deadOnly = false;
      this.results = {};
      this.reload();
    }
  }

  async load() {
    if (!this.entity) return;
    if (!this.meta || this.meta.plural !== this.plural) this.meta = await api('GET', `/api/v1/meta/entities/${encodeURIComponent(this.entity.name)}`);
    const params = new URLSearchParams({ limit: String(LIMIT) });
    if (this.deadOnly) params.set('filter', "status eq 'dead'");
    this.page = await api('GET', `/api/v1/${this.plural}?${params}`);
  }

  get columns() {
    return ((this.meta && this.meta.fields) || []).filter((f) => !SKIP.has(f.name) && f.type !== 'text').slice(0, 6);
  }

  get hasDeadLetters() {
    const status = ((this.meta && this.meta.fields) || []).find((f) => f.name === 'status');
    return !!(status && (status.picklist || []).some((p) => p.value === 'dead'));
  }

  get actions() {
    return (this.meta && this.meta.actions) || [];
  }

  cell(f, value) {
    if (value === null || value === undefined) return '';
    if (f.type === 'picklist' && f.picklist) {
      const option = f.picklist.find((p) => p.value === value);
      const text = option ? label(option.label, this.language, value) : String(value);
      return f.name === 'status' ? badge(text, { dead: 'error', sent: 'ok', failed: 'error', pending: 'warn', queued: 'warn' }[value]) : text;
    }
    if (f.type === 'boolean') return value ? '✓' : '';
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  async test(row) {
    try {
      const answer = await api('POST', `/api/v1/${this.plural}/${encodeURIComponent(row.id)}/test`, {});
      this.results = { ...this.results, [row.id]: answer && answer.ok === false
        ? { ok: false, text: this.t('rec.testFailed', answer.problem || '?', answer.detail || '') }
        : { ok: true, text: `${this.t('rec.testOk')} ${((answer && answer.folders) || []).map((f) => `${f.name}${f.exists ? ` (${f.messages ?? 0})` : ' ✗'}`).join(', ')}` } };
    } catch (e) {
      this.results = { ...this.results, [row.id]: { ok: false, text: problemText(e) } };
    }
  }

  replay(row) {
    return this.run(() => api('POST', `/api/v1/${this.plural}/${encodeURIComponent(row.id)}/replay`, {}), this.t('rec.replayed'));
  }

  showDead(dead) {
    this.deadOnly = dead;
    this.reload();
  }

  render() {
    if (!this.entity) return html`<h2>${this.t(`admin.section.${this.plural}`)}</h2><p class="muted" id="admin-not-enabled">${this.t('rec.notEnabled')}</p>`;
    const items = (this.page && this.page.items) || [];
    const columns = this.columns;
    const canTest = this.plural === 'mailboxes';
    const canReplay = this.hasDeadLetters || this.plural === 'mail-scan-failures';
    return html`
      <header class="admin-head"><div><h2>${this.t(`admin.section.${this.plural}`)}</h2></div>
        ${CREATED_BY_SYSTEM.has(this.plural) ? nothing : html`<a class="button" href=${href([this.plural, 'new'])}>${this.t('rec.new')}</a>`}</header>
      ${this.hasDeadLetters ? html`<div class="segmented" role="group">
        <button type="button" aria-pressed=${this.deadOnly ? 'false' : 'true'} @click=${() => this.showDead(false)}>${this.t('rec.all')}</button>
        <button type="button" id="dead-letters" aria-pressed=${this.deadOnly ? 'true' : 'false'} @click=${() => this.showDead(true)}>${this.t('rec.dead')}</button></div>` : nothing}
      ${this.messages()}
      <div class="table-wrap"><table class="admin-table" data-entity=${this.entity.name}>
        <thead><tr>${columns.map((f) => html`<th scope="col">${label(f.label, this.language, f.name)}</th>`)}<th scope="col"><span class="visually-hidden">${this.t('rec.open')}</span></th></tr></thead>
        <tbody>
          ${this.page && !items.length ? html`<tr><td colspan=${columns.length + 1}>${this.t('rec.none')}</td></tr>` : nothing}
          ${items.map((row) => html`<tr data-id=${row.id}>${columns.map((f) => html`<td>${this.cell(f, row[f.name])}</td>`)}
            <td class="actions">
              <a href=${href([this.plural, row.id])}>${this.t('rec.open')}</a>
              ${canTest ? html`<button type="button" class="secondary" @click=${() => this.test(row)}>${this.t('rec.test')}</button>` : nothing}
              ${canReplay && row.status === 'dead' ? html`<button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.replay(row)}>${this.t('rec.replay')}</button>` : nothing}
              ${this.results[row.id] ? html`<span class=${this.results[row.id].ok ? 'ok-text' : 'error-text'} role="status">${this.results[row.id].text}</span>` : nothing}
            </td></tr>`)}
        </tbody></table></div>
      ${items.length === LIMIT ? html`<p class="muted">${this.t('rec.more', LIMIT)} <a href=${href([this.plural])}>${this.t('rec.open')}</a></p>` : nothing}`;
  }
}
customElements.define('atrium-admin-records', AdminRecords);

const SECTIONS = [
  ['mailboxes', 'messaging'], ['mail-outbox', 'messaging'], ['sms-outbox', 'messaging'], ['mail-scan-failures', 'messaging'],
  ['lead-forms', 'sales'], ['lead-assignment-rules', 'sales'], ['sales-processes', 'sales'], ['sales-stages', 'sales'],
];
for (const [plural, group] of SECTIONS) {
  adminSection(plural, group, ({ language, entities }) => html`<atrium-admin-records .language=${language} .plural=${plural}
    .entity=${(entities || []).find((e) => e.plural === plural)}></atrium-admin-records>`);
}
