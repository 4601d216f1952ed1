import { LitElement, html, nothing } from 'lit';
import { api, apiAnswer, apiFile, ApiError } from './api.js';
import { addWords, label, t } from './i18n.js';
import { href } from './routes.js';
import { registerView } from './views.js';
import {
  SYSTEM_FIELDS, declaresTransitions, displayName, entityByName, fieldErrors, formatValue, loadDirectory, loadMeta, problemText,
  referenceName, referenceNames, sections,
} from './record-kit.js';
import { fieldControl, fieldErrorText, notFoundScreen } from './record-form.js';

// The order-to-cash parts of a record page — the line-item editor and the documents' transitions — are imported
// when a record first needs them: most records have neither, and a first load should not carry them.
const parts = new Map();

/** The module at {@code url} once it is loaded, else null (it is being loaded; {@code page} is drawn again then). */
function part(url, page) {
  let p = parts.get(url);
  if (!p) {
    p = { module: null };
    p.loading = import(url).then((m) => { p.module = m; return true; }, (e) => {
      parts.delete(url); // tried again when the page is next drawn for another reason, not in a loop
      console.error('record page part', url, e);
      return false;
    });
    parts.set(url, p);
  }
  if (!p.module) p.loading.then((loaded) => loaded && page.requestUpdate());
  return p.module;
}

/** The transitions module: loaded by the time a transition's dialog is open (its button came from it). */
const TRANSITIONS = './record-transitions.js';
const transitions = () => parts.get(TRANSITIONS).module;

addWords({
  en: {
    'record.details': 'Details',
    'record.shares': 'Sharing',
    'record.timeline': 'Timeline',
    'record.noTimeline': 'No history yet',
    'record.noRelated': 'None yet',
    'record.documents': 'Printed documents',
    'record.print': 'Print PDF',
    'record.printed': 'Printed: the PDF is kept with the record',
    'documents.none': 'Nothing printed or emailed yet',
    'documents.print': 'printed',
    'documents.email': 'emailed to',
    'record.editField': (f) => `Edit ${f}`,
    'record.owner': 'Owner',
    'record.more': 'More',
    'record.convert': 'Convert',
    'record.advance': 'Advance stage',
    'record.closeWon': 'Close won',
    'record.closeLost': 'Close lost',
    'record.sendEmail': 'Send email',
    'record.sendSms': 'Send SMS',
    'record.share': 'Share',
    'record.transfer': 'Transfer',
    'record.delete': 'Delete',
    'record.restore': 'Restore',
    'record.deleted': 'This record is in the recycle bin.',
    'record.confirmDelete': (name) => `Move “${name}” to the recycle bin?`,
    'record.stale': 'Changed by someone else: the record was reloaded with their values; make your change again.',
    'record.done': 'Done',
    'record.created': (what) => `${what} created`,
    'record.action.CREATED': 'created the record',
    'record.action.UPDATED': 'changed',
    'record.action.DELETED': 'deleted the record',
    'record.action.RESTORED': 'restored the record',
    'record.emailIn': 'Email received',
    'record.emailOut': 'Email sent',
    'record.by': (who) => `by ${who}`,
    'convert.title': 'Convert lead',
    'convert.duplicates': 'Records that may be the same person or company',
    'convert.noDuplicates': 'No matching leads, contacts or accounts.',
    'convert.matchedOn': (on) => `same ${on}`,
    'convert.account': 'Account',
    'convert.newAccount': 'Create a new account from the lead',
    'convert.linkAccount': (name) => `Link to existing account ${name}`,
    'convert.contact': 'Contact',
    'convert.newContact': 'Create a new contact from the lead',
    'convert.linkContact': (name) => `Link to existing contact ${name}`,
    'convert.opportunity': 'Also create an opportunity',
    'convert.opportunityName': 'Opportunity name',
    'convert.submit': 'Convert',
    'convert.result': 'The lead was converted.',
    'convert.converted': 'Converted',
    'stage.required': 'This stage requires these actions to be done first:',
    'stage.markDone': 'Mark done and continue',
    'stage.lostReason': 'Reason lost',
    'stage.competitor': 'Competitor (optional)',
    'email.template': 'Template',
    'email.noTemplate': 'No template: write it',
    'email.to': 'To',
    'email.subject': 'Subject',
    'email.text': 'Message',
    'email.preview': 'Preview',
    'email.send': 'Send',
    'email.sent': 'The email is in the outbox.',
    'sms.text': 'Text message',
    'sms.sent': 'The text message is in the outbox.',
    'share.principal': 'Share with',
    'principal.choose': 'Choose a colleague or a group',
    'principal.users': 'Colleagues',
    'principal.groups': 'Groups',
    'share.access': 'Access',
    'share.read': 'Read only',
    'share.readWrite': 'Read and write',
    'share.remove': 'Stop sharing',
    'share.none': 'Not shared with anyone by hand.',
    'transfer.owner': 'New owner',
    'transfer.related': 'Also transfer the related records the previous owner owns',
  },
  'zh-CN': {
    'record.details': '详细信息',
    'record.shares': '共享',
    'record.timeline': '动态',
    'record.noTimeline': '暂无记录',
    'record.noRelated': '暂无',
    'record.documents': '打印文档',
    'record.print': '打印 PDF',
    'record.printed': '已打印，PDF 已随记录保存',
    'documents.none': '尚未打印或发送',
    'documents.print': '打印',
    'documents.email': '已发送至',
    'record.editField': (f) => `编辑${f}`,
    'record.owner': '负责人',
    'record.more': '更多',
    'record.convert': '转换',
    'record.advance': '推进阶段',
    'record.closeWon': '赢单',
    'record.closeLost': '输单',
    'record.sendEmail': '发送邮件',
    'record.sendSms': '发送短信',
    'record.share': '共享',
    'record.transfer': '转移',
    'record.delete': '删除',
    'record.restore': '恢复',
    'record.deleted': '该记录已移入回收站。',
    'record.confirmDelete': (name) => `将“${name}”移入回收站？`,
    'record.stale': '记录已被他人修改：已重新加载对方的值，请重新进行修改。',
    'record.done': '完成',
    'record.created': (what) => `已创建${what}`,
    'record.action.CREATED': '创建了记录',
    'record.action.UPDATED': '修改了',
    'record.action.DELETED': '删除了记录',
    'record.action.RESTORED': '恢复了记录',
    'record.emailIn': '收到邮件',
    'record.emailOut': '发出邮件',
    'record.by': (who) => `操作人 ${who}`,
    'convert.title': '转换潜在客户',
    'convert.duplicates': '可能是同一个人或公司的记录',
    'convert.noDuplicates': '没有匹配的潜在客户、联系人或客户。',
    'convert.matchedOn': (on) => `相同的${{ email: '邮箱', mobile: '手机', company: '公司' }[on] || on}`,
    'convert.account': '客户',
    'convert.newAccount': '根据潜在客户新建客户',
    'convert.linkAccount': (name) => `关联到现有客户 ${name}`,
    'convert.contact': '联系人',
    'convert.newContact': '根据潜在客户新建联系人',
    'convert.linkContact': (name) => `关联到现有联系人 ${name}`,
    'convert.opportunity': '同时创建商机',
    'convert.opportunityName': '商机名称',
    'convert.submit': '转换',
    'convert.result': '潜在客户已转换。',
    'convert.converted': '已转换',
    'stage.required': '进入下一阶段前必须完成以下事项：',
    'stage.markDone': '标记为已完成并继续',
    'stage.lostReason': '输单原因',
    'stage.competitor': '竞争对手（可选）',
    'email.template': '模板',
    'email.noTemplate': '不使用模板，自行撰写',
    'email.to': '收件人',
    'email.subject': '主题',
    'email.text': '正文',
    'email.preview': '预览',
    'email.send': '发送',
    'email.sent': '邮件已放入发件箱。',
    'sms.text': '短信内容',
    'sms.sent': '短信已放入发件箱。',
    'share.principal': '共享给',
    'principal.choose': '选择同事或组',
    'principal.users': '同事',
    'principal.groups': '组',
    'share.access': '权限',
    'share.read': '只读',
    'share.readWrite': '读写',
    'share.remove': '取消共享',
    'share.none': '尚未手动共享给任何人。',
    'transfer.owner': '新负责人',
    'transfer.related': '同时转移原负责人拥有的相关记录',
  },
});

/** Entities whose records an email or a text message can be addressed to (the send actions' members). */
const EMAIL_TARGET = { Contact: 'contactId', Lead: 'leadId', Account: 'accountId' };
const SMS_TARGET = { Contact: 'contactId', Lead: 'leadId' };

/**
 * One record: its fields in sections with inline edit, its related lists as tabs, a timeline of its history and
 * correspondence, and the actions its metadata offers (convert, advance, close, email, SMS, share, transfer,
 * delete / restore). A record the caller may not see shows the same screen as one that does not exist.
 */
class RecordPage extends LitElement {
  static properties = {
    entity: { attribute: false },
    entities: { attribute: false },
    route: { attribute: false },
    language: { attribute: false },
    user: { attribute: false },
    meta: { state: true },
    record: { state: true },
    notFound: { state: true },
    error: { state: true },
    notice: { state: true },
    editing: { state: true },
    related: { state: true },
    timeline: { state: true },
    dialog: { state: true },
    deleted: { state: true },
    names: { state: true },
    people: { state: true },
    historyNames: { state: true },
  };

  constructor() {
    super();
    this.key = '';
    this.related = {};
    this.names = {};
    this.people = new Map();
    this.historyNames = new Map();
  }

  createRenderRoot() {
    return this;
  }

  willUpdate() {
    const key = `${this.entity && this.entity.name}/${this.route && this.route.id}`;
    if (key !== this.key && this.entity) {
      this.key = key;
      this.load();
    } else if (this.meta && this.record && this.tab && !(this.tab in this.related)) {
      this.loadTab(this.tab);
    }
  }

  updated() {
    const dialog = this.querySelector('dialog.record-dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  get tab() {
    return (this.route && this.route.tab) || '';
  }

  get base() {
    return `${this.entity.href}/${encodeURIComponent(this.route.id)}`;
  }

  get can() {
    const rights = (this.meta && this.meta.rights) || [];
    return (r) => rights.includes(r);
  }

  async load() {
    this.meta = null;
    this.record = null;
    this.notFound = false;
    this.error = '';
    this.notice = '';
    this.editing = null;
    this.related = {};
    this.timeline = null;
    this.dialog = null;
    this.deleted = false;
    window.scrollTo(0, 0); // a new record starts at its top, not where the last screen was scrolled
    loadDirectory().then((entries) => { this.people = new Map(entries.map((e) => [e.id, e])); });
    try {
      this.meta = await loadMeta(this.entity.name);
      await this.reload();
      this.loadTimeline();
      if (this.tab) this.loadTab(this.tab);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) this.notFound = true;
      else this.error = problemText(e);
    }
  }

  async reload() {
    const answer = await apiAnswer('GET', this.base);
    this.record = answer.data;
    this.etag = answer.etag;
    document.title = `${displayName(this.record)} · Atrium CRM`;
    // a transition may have set a reference (the warehouse an issued delivery note went out of): its name, not its id
    this.resolveNames();
  }

  /** Names of the referenced records, so a reference shows "北京星辰科技" and links to it, not an id. */
  resolveNames() {
    for (const f of this.meta.fields) {
      const id = this.record[f.name];
      if (f.type === 'reference' && id && f.referenceTo) {
        referenceName(this.entities, f.referenceTo, id).then((name) => { this.names = { ...this.names, [f.name]: name }; });
      }
    }
  }

  async loadTimeline() {
    const items = [];
    try {
      const history = await api('GET', `${this.base}/history?limit=50`);
      for (const h of history.items || []) items.push({ kind: 'history', at: h.at, ...h });
    } catch (e) {
      // a type without history still shows its correspondence
    }
    if ((this.meta.recordViews || []).includes('emails')) {
      try {
        const emails = await api('GET', `${this.base}/emails?limit=20`);
        for (const m of emails.items || []) items.push({ kind: 'email', at: m.sentAt || m.createdAt, email: m });
      } catch (e) {
        // no correspondence when the mail module is off
      }
    }
    items.sort((a, b) => String(b.at).localeCompare(String(a.at)));
    this.timeline = items;
    // a changed reference (the warehouse an issue set) by the names of the records before and after, not their ids
    const changes = items.filter((h) => h.field).flatMap((h) => [{ [h.field]: h.oldValue }, { [h.field]: h.newValue }]);
    referenceNames(this.entities, this.meta.fields, changes).then((found) => {
      if (found.size && this.timeline === items) this.historyNames = found;
    });
  }

  /** A value of the history: a reference or a colleague by name, anything else as the field shows it. */
  historyValue(field, value) {
    if (!field) return value;
    if (field.type === 'reference' && this.historyNames.has(value)) return this.historyNames.get(value);
    if ((field.type === 'id' || field.name === 'ownerId') && value && this.people.has(value)) return this.who(value);
    return formatValue(field, value, this.record, this.language);
  }

  async loadTab(name) {
    this.related = { ...this.related, [name]: null };
    try {
      if (name === 'documents') {
        this.related = { ...this.related, documents: await api('GET', `${this.base}/documents?limit=50`) };
        return;
      }
      if (name === 'shares') {
        this.related = { ...this.related, shares: await api('GET', `${this.base}/shares`) };
        return;
      }
      const list = (this.meta.relatedLists || []).find((r) => r.name === name);
      if (!list) return;
      const meta = await loadMeta(list.entity);
      const page = await api('GET', `${this.base}/${encodeURIComponent(name)}?limit=20`);
      this.related = { ...this.related, [name]: { meta, page, list, refs: new Map() } };
      referenceNames(this.entities, meta.fields, page.items).then((refs) => {
        const data = this.related[name];
        if (data && data.page === page) this.related = { ...this.related, [name]: { ...data, refs } };
      });
    } catch (e) {
      this.related = { ...this.related, [name]: { error: problemText(e) } };
    }
  }

  // ---- inline edit ----

  editable(f) {
    return this.can('edit') && !f.readOnly && !SYSTEM_FIELDS.has(f.name) && !this.deleted;
  }

  startEdit(f) {
    this.editing = { field: f, value: this.record[f.name], error: '' };
    this.updateComplete.then(() => {
      const input = this.querySelector(`#inline-${f.name}`);
      if (input) input.focus();
    });
  }

  async saveEdit(event) {
    if (event) event.preventDefault();
    const { field, value } = this.editing;
    try {
      const answer = await apiAnswer('PATCH', this.base, { [field.name]: value === '' ? null : value },
        this.etag ? { 'If-Match': this.etag } : {});
      this.record = answer.data;
      this.etag = answer.etag;
      this.editing = null;
      this.resolveNames();
      this.loadTimeline();
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        await this.reload();
        this.editing = null;
        this.notice = t(this.language, 'record.stale');
        return;
      }
      const errors = fieldErrors(e);
      this.editing = { ...this.editing, error: errors[field.name] || problemText(e) };
    }
  }

  // ---- actions ----

  async perform(action, body) {
    return api('POST', `${this.base}/${action}`, body || {});
  }

  open(kind, data = {}) {
    this.dialog = { kind, error: '', errors: {}, busy: false, ...data };
  }

  closeDialog() {
    const dialog = this.querySelector('dialog.record-dialog');
    if (dialog && dialog.open) dialog.close();
    this.dialog = null;
  }

  patchDialog(values) {
    this.dialog = { ...this.dialog, ...values };
  }

  async run(step) {
    this.patchDialog({ busy: true, error: '', errors: {} });
    try {
      await step();
    } catch (e) {
      if (this.dialog) this.patchDialog({ error: problemText(e), errors: fieldErrors(e) });
      else this.error = problemText(e);
    } finally {
      if (this.dialog) this.patchDialog({ busy: false });
    }
  }

  async openConvert() {
    this.open('convert', { checks: null, account: 'new', contact: 'new', withOpportunity: true,
      opportunityName: this.record.company || displayName(this.record) });
    try {
      const checks = await this.perform('duplicate-check');
      this.patchDialog({ checks: checks.items || [] });
    } catch (e) {
      this.patchDialog({ checks: [], error: problemText(e) });
    }
  }

  convert() {
    return this.run(async () => {
      const d = this.dialog;
      const body = {};
      if (d.account !== 'new') body.accountId = d.account;
      if (d.contact !== 'new') body.contactId = d.contact;
      if (d.withOpportunity) body.opportunity = { name: d.opportunityName };
      const result = await this.perform('convert', body);
      await this.reload();
      this.loadTimeline();
      this.patchDialog({ kind: 'converted', result });
    });
  }

  /** advance / close-won: a stage's required actions not done yet are asked for, recorded, and the step repeated. */
  stageStep(action, body = {}) {
    return this.run(async () => {
      try {
        this.record = await this.perform(action, body);
        await this.reload();
        this.loadTimeline();
        this.closeDialog();
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && e.problem && Array.isArray(e.problem.missingActions)) {
          this.open('required', { action, body, missing: e.problem.missingActions, checked: [] });
          return;
        }
        throw e;
      }
    });
  }

  completeAndRetry() {
    const { action, body, checked } = this.dialog;
    return this.run(async () => {
      await this.perform('complete-actions', { actions: checked });
      await this.stageStep(action, body);
    });
  }

  async openEmail() {
    this.open('email', { templates: [], templateId: '', to: this.record.email || '', subject: '', text: '', preview: null });
    try {
      const templates = await api('GET', `/api/v1/email-templates?limit=100&filter=${encodeURIComponent(`appliesTo eq '${this.entity.name}'`)}`);
      this.patchDialog({ templates: templates.items || [] });
    } catch (e) {
      // writing the email by hand still works
    }
  }

  previewEmail() {
    return this.run(async () => {
      const preview = await api('POST', `/api/v1/email-templates/${encodeURIComponent(this.dialog.templateId)}/preview`, { recordId: this.record.id });
      this.patchDialog({ preview });
    });
  }

  sendEmail() {
    const d = this.dialog;
    const body = { [EMAIL_TARGET[this.entity.name]]: this.record.id };
    if (d.templateId) body.templateId = d.templateId;
    else Object.assign(body, { to: d.to ? d.to.split(/[,;]\s*/).filter(Boolean) : undefined, subject: d.subject, text: d.text });
    return this.run(async () => {
      await api('POST', '/api/v1/emails/send', body);
      this.closeDialog();
      this.notice = t(this.language, 'email.sent');
      setTimeout(() => this.loadTimeline(), 500);
    });
  }

  sendSms() {
    return this.run(async () => {
      await api('POST', '/api/v1/sms-messages/send', { [SMS_TARGET[this.entity.name]]: this.record.id, text: this.dialog.text });
      this.closeDialog();
      this.notice = t(this.language, 'sms.sent');
    });
  }

  share() {
    return this.run(async () => {
      await this.perform('shares', { principalId: this.dialog.principalId, access: this.dialog.access || 'read' });
      this.closeDialog();
      this.loadTab('shares');
      location.hash = href([this.entity.plural, this.record.id, 'shares']);
    });
  }

  async unshare(share) {
    try {
      await api('DELETE', `${this.base}/shares/${encodeURIComponent(share.id)}`);
      this.loadTab('shares');
    } catch (e) {
      this.error = problemText(e);
    }
  }

  transfer() {
    return this.run(async () => {
      await this.perform('transfer', { ownerId: this.dialog.ownerId, includeRelated: Boolean(this.dialog.includeRelated) });
      await this.reload();
      this.closeDialog();
      this.loadTimeline();
    });
  }

  moveToBin() {
    return this.run(async () => {
      await apiAnswer('DELETE', this.base, undefined, this.etag ? { 'If-Match': this.etag } : {});
      this.deleted = true;
      this.closeDialog();
    });
  }

  async restore() {
    try {
      const restored = await api('POST', `/api/v1/recycle-bin/${encodeURIComponent(this.entity.name)}/${encodeURIComponent(this.record.id)}/restore`);
      this.deleted = false;
      await this.reload();
      this.loadTimeline();
      return restored;
    } catch (e) {
      this.error = problemText(e);
      return null;
    }
  }

  // ---- rendering ----

  render() {
    const l = this.language;
    if (!this.entity) return nothing;
    if (this.notFound) return notFoundScreen(this.entity, l);
    if (this.error && !this.record) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.meta || !this.record) return html`<p class="loading">${t(l, 'loading')}</p>`;
    const name = displayName(this.record);
    const tabs = [['', t(l, 'record.details')],
      ...(this.meta.relatedLists || []).map((r) => [r.name, label(r.label, l, r.name)]),
      ...((this.meta.recordViews || []).includes('documents') ? [['documents', t(l, 'record.documents')]] : []),
      ['shares', t(l, 'record.shares')]];
    return html`
      <article class="record-page" data-entity=${this.entity.name} data-id=${this.record.id}>
        <nav class="breadcrumb" aria-label="breadcrumb"><a href=${href([this.entity.plural])}>${label(this.entity.pluralLabel, l, this.entity.plural)}</a></nav>
        <header class="record-head card">
          <div class="record-identity">
            <span class="avatar" aria-hidden="true">${[...name][0] || '?'}</span>
            <div>
              <p class="eyebrow">${label(this.entity.label, l, this.entity.name)}</p>
              <h1 id="record-title">${name}</h1>
              <p class="record-highlights">${this.highlights()}</p>
            </div>
          </div>
          ${this.renderActions()}
        </header>
        ${this.deleted ? html`<div class="banner warning" id="record-deleted" role="status">${t(l, 'record.deleted')}
          <button type="button" id="record-restore" @click=${() => this.restore()}>${t(l, 'record.restore')}</button></div>` : nothing}
        ${this.notice ? html`<p class="banner info" role="status" id="record-notice">${this.notice}</p>` : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.record.convertedAt ? this.renderConverted() : nothing}
        ${this.meta.lineItems && this.tab === '' && (part('./line-items.js', this) || true) ? html`<atrium-line-items .meta=${this.meta} .record=${this.record} .entities=${this.entities}
          .language=${l} .onChanged=${() => this.reload().then(() => this.loadTimeline())}></atrium-line-items>` : nothing}
        <div class="record-columns">
          <section class="record-main">
            <div class="tabs" role="tablist" aria-label=${name}>
              ${tabs.map(([key, title]) => html`<a role="tab" id=${`tab-${key || 'details'}`} aria-selected=${this.tab === key ? 'true' : 'false'}
                href=${href(key ? [this.entity.plural, this.record.id, key] : [this.entity.plural, this.record.id])}>${title}</a>`)}
            </div>
            <div role="tabpanel" aria-labelledby=${`tab-${this.tab || 'details'}`}>
              ${this.tab === '' ? this.renderDetails() : this.tab === 'shares' ? this.renderShares()
                : this.tab === 'documents' ? this.renderDocuments() : this.renderRelated(this.tab)}
            </div>
          </section>
          <aside class="record-side card" aria-labelledby="timeline-title">
            <h2 id="timeline-title">${t(l, 'record.timeline')}</h2>
            ${this.renderTimeline()}
          </aside>
        </div>
        ${this.dialog ? this.renderDialog() : nothing}
      </article>`;
  }

  highlights() {
    const l = this.language;
    const f = (n) => this.meta.fields.find((x) => x.name === n);
    const parts = [];
    for (const n of ['stage', 'status', 'type', 'industry', 'amount', 'closeDate', 'title', 'company', 'email', 'mobile', 'phone']) {
      const field = f(n);
      if (field && this.record[n] !== null && this.record[n] !== undefined && this.record[n] !== '') {
        parts.push(html`<span class="pill" data-field=${n}>${formatValue(field, this.record[n], this.record, l)}</span>`);
      }
      if (parts.length >= 4) break;
    }
    return parts;
  }

  renderActions() {
    const l = this.language;
    const actions = new Set(this.meta.actions || []);
    const has = (name) => this.entities.some((e) => e.name === name);
    const buttons = [];
    if (this.deleted) return nothing;
    if (this.can('edit')) buttons.push(html`<a class="button" id="action-edit" href=${href([this.entity.plural, this.record.id, 'edit'])}>${t(l, 'record.edit')}</a>`);
    if (actions.has('convert') && !this.record.convertedAt) buttons.push(html`<button type="button" id="action-convert" @click=${() => this.openConvert()}>${t(l, 'record.convert')}</button>`);
    if (actions.has('advance') && !this.record.closed) buttons.push(html`<button type="button" id="action-advance" @click=${() => { this.open('busy'); this.stageStep('advance'); }}>${t(l, 'record.advance')}</button>`);
    if (actions.has('close-won') && !this.record.closed) buttons.push(html`<button type="button" class="secondary" id="action-close-won" @click=${() => { this.open('busy'); this.stageStep('close-won'); }}>${t(l, 'record.closeWon')}</button>`);
    if (actions.has('close-lost') && !this.record.closed) buttons.push(html`<button type="button" class="secondary" id="action-close-lost" @click=${() => this.open('lost', { reason: '', competitor: '' })}>${t(l, 'record.closeLost')}</button>`);
    const documents = declaresTransitions(this.meta) ? part(TRANSITIONS, this) : null;
    if (documents) buttons.push(...documents.transitionButtons(this));
    if (EMAIL_TARGET[this.entity.name] && has('Email') && (this.meta.recordViews || []).includes('emails')) buttons.push(html`<button type="button" class="secondary" id="action-email" @click=${() => this.openEmail()}>${t(l, 'record.sendEmail')}</button>`);
    if (actions.has('print')) buttons.push(html`<button type="button" class="secondary" id="action-print" @click=${() => this.print()}>${t(l, 'record.print')}</button>`);
    if (SMS_TARGET[this.entity.name] && this.entities.some((e) => e.plural === 'sms-messages')) buttons.push(html`<button type="button" class="secondary" id="action-sms" @click=${() => this.open('sms', { text: '' })}>${t(l, 'record.sendSms')}</button>`);
    if (this.can('edit')) {
      buttons.push(html`<button type="button" class="secondary" id="action-share" @click=${() => this.open('share', { principalId: '', access: 'read' })}>${t(l, 'record.share')}</button>`);
      buttons.push(html`<button type="button" class="secondary" id="action-transfer" @click=${() => this.open('transfer', { ownerId: '', includeRelated: false })}>${t(l, 'record.transfer')}</button>`);
    }
    if (this.can('delete')) buttons.push(html`<button type="button" class="danger" id="action-delete" @click=${() => this.open('delete')}>${t(l, 'record.delete')}</button>`);
    return html`<div class="record-actions button-row">${buttons}</div>`;
  }

  renderConverted() {
    const l = this.language;
    const links = [['Account', this.record.convertedAccountId], ['Contact', this.record.convertedContactId], ['Opportunity', this.record.convertedOpportunityId]]
      .filter(([, id]) => id).map(([entity, id]) => {
        const type = entityByName(this.entities, entity);
        return type ? html`<a class="converted-link" data-entity=${entity} href=${href([type.plural, id])}>${label(type.label, l, entity)}</a>` : nothing;
      });
    // a lead's conversion names what it became; another type's convertedAt (a quote's) shows as its field
    if (!links.length) return nothing;
    return html`<p class="banner info" id="record-converted"><strong>${t(l, 'convert.converted')}</strong> ${links}</p>`;
  }

  renderDetails() {
    const l = this.language;
    return sections(this.meta, l).map((s) => html`<section class="card detail-section" data-section=${s.key} aria-labelledby=${`sec-${s.key}`}>
      <h2 id=${`sec-${s.key}`}>${s.title}</h2>
      <dl class="field-grid">${s.fields.map((f) => this.renderValue(f))}</dl>
    </section>`);
  }

  renderValue(f) {
    const l = this.language;
    const value = this.record[f.name];
    const wide = f.type === 'text' || /street/i.test(f.name);
    if (this.editing && this.editing.field.name === f.name) {
      const id = `inline-${f.name}`;
      return html`<div class="detail-field editing ${wide ? 'wide' : ''}" data-field=${f.name}>
        <dt><label for=${id}>${label(f.label, l, f.name)}</label></dt>
        <dd><form class="inline-edit" @submit=${(e) => this.saveEdit(e)} @keydown=${(e) => { if (e.key === 'Escape') { e.stopPropagation(); this.editing = null; } }}>
          ${fieldControl({ field: f, value: this.editing.value, record: this.record, entities: this.entities, language: l, id,
            error: this.editing.error, onChange: (v) => { this.editing = { ...this.editing, value: v, error: '' }; } })}
          <button type="submit" class="small" id="inline-save">${t(l, 'record.save')}</button>
          <button type="button" class="small secondary" @click=${() => { this.editing = null; }}>${t(l, 'record.cancel')}</button>
          ${fieldErrorText(id, this.editing.error)}
        </form></dd>
      </div>`;
    }
    let shown = formatValue(f, value, this.record, l);
    if (f.type === 'reference' && value) {
      const type = entityByName(this.entities, f.referenceTo);
      const text = this.names[f.name] || value;
      shown = type ? html`<a href=${href([type.plural, value])}>${text}</a>` : text;
    } else if (f.type === 'email' && value) {
      shown = html`<a href=${`mailto:${value}`}>${value}</a>`;
    } else if (f.type === 'phone' && value) {
      shown = html`<a href=${`tel:${value}`}>${value}</a>`;
    } else if (f.type === 'url' && value && /^https?:\/\//i.test(value)) {
      shown = html`<a href=${value} rel="noopener noreferrer" target="_blank">${value}</a>`;
    } else if ((f.name === 'ownerId' || f.name === 'createdBy' || f.name === 'modifiedBy' || (f.type === 'id' && this.people.has(value))) && value) {
      shown = this.who(value); // a quote's approver or a contract's signatory as much as the owner
    }
    return html`<div class="detail-field ${wide ? 'wide' : ''}" data-field=${f.name}>
      <dt>${label(f.label, l, f.name)}</dt>
      <dd><span class="value">${shown}</span>${this.editable(f) ? html`<button type="button" class="inline-edit-button ghost"
        aria-label=${t(l, 'record.editField', label(f.label, l, f.name))} title=${t(l, 'record.editField', label(f.label, l, f.name))}
        @click=${() => this.startEdit(f)}>✎</button>` : nothing}</dd>
    </div>`;
  }

  renderRelated(name) {
    const l = this.language;
    const data = this.related[name];
    if (!data) return html`<p class="loading">${t(l, 'loading')}</p>`;
    if (data.error) return html`<p class="error" role="alert">${data.error}</p>`;
    const { meta, page, list, refs } = data;
    const type = entityByName(this.entities, list.entity);
    // a reference by the referenced record's name (linked to it), a colleague's id by their name
    const text = (f, r) => (f.type === 'reference' && refs.has(r[f.name]) ? refs.get(r[f.name])
      : f.type === 'id' && this.people.has(r[f.name]) ? this.who(r[f.name]) : formatValue(f, r[f.name], r, l));
    const cell = (f, r) => {
      const target = f.type === 'reference' && refs.has(r[f.name]) && entityByName(this.entities, f.referenceTo);
      return target ? html`<a href=${href([target.plural, r[f.name]])}>${text(f, r)}</a>` : text(f, r);
    };
    const columns = meta.fields.filter((f) => !SYSTEM_FIELDS.has(f.name) && f.type !== 'text' && f.name !== list.field).slice(0, 5);
    const items = page.items || [];
    return html`<section class="card related" data-related=${name}>
      <div class="related-head">
        <h2>${label(list.label, l, name)} <span class="count">${page.total ?? items.length}</span></h2>
        ${type && (meta.rights || []).includes('create') ? html`<a class="button small" id=${`related-new-${name}`}
          href=${`${href([type.plural, 'new'])}?${new URLSearchParams({ [list.field]: this.record.id })}`}>${t(l, 'record.new')}</a>` : nothing}
      </div>
      ${items.length === 0 ? html`<p class="muted">${t(l, 'record.noRelated')}</p>` : html`<div class="table-wrap"><table class="records">
        <thead><tr>${columns.map((f) => html`<th scope="col">${label(f.label, l, f.name)}</th>`)}</tr></thead>
        <tbody>${items.map((r) => html`<tr data-id=${r.id}>${columns.map((f, i) => html`<td data-field=${f.name}>${i === 0 && type
          ? html`<a href=${href([type.plural, r.id])}>${text(f, r) || displayName(r)}</a>`
          : cell(f, r)}</td>`)}</tr>`)}</tbody>
      </table></div>`}
    </section>`;
  }

  /** Prints in the UI's language; the server keeps the PDF, which then opens from the printed documents. */
  async print() {
    this.error = null;
    try {
      const answer = await apiFile('POST', `${this.base}/print?locale=${encodeURIComponent(this.language)}`, {});
      this.notice = t(this.language, 'record.printed');
      const kept = answer.headers.get('Content-Location');
      if (kept) window.open(kept, '_blank', 'noopener');
      delete this.related.documents;
      this.related = { ...this.related };
      if (this.tab === 'documents') this.loadTab('documents');
    } catch (e) {
      this.error = problemText(e);
    }
  }

  renderDocuments() {
    const l = this.language;
    const data = this.related.documents;
    if (!data) return html`<p class="loading">${t(l, 'loading')}</p>`;
    if (data.error) return html`<p class="error" role="alert">${data.error}</p>`;
    const items = data.items || [];
    const when = (at) => formatValue({ type: 'datetime' }, at, null, l);
    return html`<section class="card related" data-related="documents">
      <div class="related-head"><h2>${t(l, 'record.documents')} <span class="count">${data.total ?? items.length}</span></h2></div>
      ${items.length === 0 ? html`<p class="muted">${t(l, 'documents.none')}</p>` : html`<ul class="document-list">${items.map((d) => html`<li data-id=${d.id}>
        <a href=${d.href} target="_blank" rel="noopener" download=${d.fileName}>${d.fileName}</a>
        <span class="pill">${d.locale}</span>
        <span class="muted">${d.purpose === 'email' ? `${t(l, 'documents.email')} ${(d.recipients || []).join(', ')}` : t(l, 'documents.print')} · ${when(d.printedAt)}</span>
      </li>`)}</ul>`}
    </section>`;
  }

  renderShares() {
    const l = this.language;
    const data = this.related.shares;
    if (!data) return html`<p class="loading">${t(l, 'loading')}</p>`;
    if (data.error) return html`<p class="error" role="alert">${data.error}</p>`;
    const items = data.items || [];
    return html`<section class="card related" data-related="shares">
      <div class="related-head"><h2>${t(l, 'record.shares')}</h2>
        ${this.can('edit') ? html`<button type="button" class="small" @click=${() => this.open('share', { principalId: '', access: 'read' })}>${t(l, 'record.share')}</button>` : nothing}</div>
      ${items.length === 0 ? html`<p class="muted">${t(l, 'share.none')}</p>` : html`<ul class="share-list">${items.map((s) => html`<li>
        <span>${s.principalName || s.principalId}</span> <span class="pill">${s.access === 'read-write' ? t(l, 'share.readWrite') : t(l, 'share.read')}</span>
        ${this.can('edit') ? html`<button type="button" class="small ghost" @click=${() => this.unshare(s)}>${t(l, 'share.remove')}</button>` : nothing}
      </li>`)}</ul>`}
    </section>`;
  }

  renderTimeline() {
    const l = this.language;
    if (!this.timeline) return html`<p class="loading">${t(l, 'loading')}</p>`;
    if (!this.timeline.length) return html`<p class="muted">${t(l, 'record.noTimeline')}</p>`;
    const when = (at) => formatValue({ type: 'datetime' }, at, null, l);
    return html`<ol class="timeline" id="timeline">${this.timeline.map((item) => {
      if (item.kind === 'email') {
        const m = item.email;
        const inbound = m.direction === 'inbound' || m.direction === 'in';
        return html`<li class="timeline-item email"><span class="dot" aria-hidden="true">✉</span><div>
          <p class="what"><strong>${inbound ? t(l, 'record.emailIn') : t(l, 'record.emailOut')}</strong>: ${m.subject || ''}</p>
          <p class="muted">${inbound ? m.fromAddress : m.toAddresses} · ${when(item.at)}</p></div></li>`;
      }
      const field = item.field && this.meta.fields.find((f) => f.name === item.field);
      const fieldLabel = field ? label(field.label, l, item.field) : item.field;
      const action = t(l, `record.action.${item.action}`) || item.action;
      return html`<li class="timeline-item"><span class="dot" aria-hidden="true">•</span><div>
        <p class="what">${action}${item.field ? html` <strong>${fieldLabel}</strong>` : nothing}</p>
        ${item.field ? html`<p class="change"><span class="old">${this.historyValue(field, item.oldValue)}</span> → <span class="new">${this.historyValue(field, item.newValue)}</span></p>` : nothing}
        <p class="muted">${when(item.at)}${item.userId ? html` · ${t(l, 'record.by', this.who(item.userId))}` : nothing}</p>
      </div></li>`;
    })}</ol>`;
  }

  // ---- dialogs ----

  renderDialog() {
    const l = this.language;
    const d = this.dialog;
    const titles = { convert: t(l, 'convert.title'), converted: t(l, 'convert.title'), required: t(l, 'record.advance'),
      lost: t(l, 'record.closeLost'), email: t(l, 'record.sendEmail'), sms: t(l, 'record.sendSms'), share: t(l, 'record.share'),
      transfer: t(l, 'record.transfer'), delete: t(l, 'record.delete'), busy: t(l, 'loading'),
      transition: d.action ? transitions().transitionLabel(l, d.action) : '' };
    return html`<dialog class="record-dialog" id=${`dialog-${d.kind}`} aria-labelledby="dialog-title"
        @close=${() => { this.dialog = null; }} @cancel=${() => { this.dialog = null; }}>
      <form method="dialog" class="dialog-body" @submit=${(e) => { e.preventDefault(); this.submitDialog(); }}>
        <h2 id="dialog-title">${titles[d.kind]}</h2>
        ${d.error ? html`<p class="error" role="alert" id="dialog-error">${d.error}</p>` : nothing}
        ${this.dialogBody()}
        <div class="button-row end">
          <button type="button" class="secondary" @click=${() => this.closeDialog()}>${d.kind === 'converted' ? t(l, 'record.close') : t(l, 'record.cancel')}</button>
          ${this.dialogSubmit()}
        </div>
      </form>
    </dialog>`;
  }

  submitDialog() {
    const kind = this.dialog.kind;
    if (kind === 'convert') return this.convert();
    if (kind === 'required') return this.completeAndRetry();
    if (kind === 'lost') return this.stageStep('close-lost', { reason: this.dialog.reason, competitor: this.dialog.competitor || undefined });
    if (kind === 'email') return this.sendEmail();
    if (kind === 'sms') return this.sendSms();
    if (kind === 'share') return this.share();
    if (kind === 'transfer') return this.transfer();
    if (kind === 'delete') return this.moveToBin();
    if (kind === 'transition') return transitions().runTransition(this);
    return this.closeDialog();
  }

  dialogSubmit() {
    const l = this.language;
    const d = this.dialog;
    const words = { convert: 'convert.submit', required: 'stage.markDone', lost: 'record.closeLost', email: 'email.send',
      sms: 'email.send', share: 'record.share', transfer: 'record.transfer', delete: 'record.delete' };
    if (d.kind === 'transition') return transitions().transitionSubmit(this);
    if (!words[d.kind]) return nothing;
    return html`<button type="submit" id="dialog-submit" class=${d.kind === 'delete' ? 'danger' : ''} ?disabled=${d.busy
      || (d.kind === 'convert' && !d.checks) || (d.kind === 'required' && d.checked.length !== d.missing.length)}>${t(l, words[d.kind])}</button>`;
  }

  /** "Me", or a colleague's or group's name from the directory (the id while it loads or when unknown). */
  who(id) {
    if (this.user && id === this.user.id) return t(this.language, 'record.me');
    const entry = this.people.get(id);
    return entry ? entry.name : id;
  }

  /** A choice of the active colleagues and groups from the directory, for a transfer or a share. */
  principal(id, name, labelText) {
    const d = this.dialog;
    const l = this.language;
    const error = (d.errors || {})[name];
    const active = [...this.people.values()].filter((e) => e.active);
    const option = (e) => html`<option value=${e.id} ?selected=${d[name] === e.id}>${e.name}${e.loginName && e.loginName !== e.name ? ` (${e.loginName})` : ''}</option>`;
    return html`<div class="form-field ${error ? 'has-error' : ''}">
      <label for=${id}>${labelText}<span class="req" aria-hidden="true"> *</span></label>
      <select id=${id} required aria-invalid=${error ? 'true' : 'false'} @change=${(e) => this.patchDialog({ [name]: e.target.value })}>
        <option value="" ?selected=${!d[name]}>${t(l, 'principal.choose')}</option>
        <optgroup label=${t(l, 'principal.users')}>${active.filter((e) => e.kind === 'user').map(option)}</optgroup>
        <optgroup label=${t(l, 'principal.groups')}>${active.filter((e) => e.kind === 'group').map(option)}</optgroup>
      </select>
      ${fieldErrorText(id, error)}
    </div>`;
  }

  input(id, name, labelText, extra = {}) {
    const d = this.dialog;
    const error = (d.errors || {})[name];
    return html`<div class="form-field ${error ? 'has-error' : ''}">
      <label for=${id}>${labelText}${extra.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
      ${extra.long
        ? html`<textarea id=${id} rows="5" ?required=${extra.required} .value=${d[name] || ''} aria-invalid=${error ? 'true' : 'false'}
            @input=${(e) => this.patchDialog({ [name]: e.target.value })}></textarea>`
        : html`<input id=${id} ?required=${extra.required} .value=${d[name] || ''} aria-invalid=${error ? 'true' : 'false'}
            @input=${(e) => this.patchDialog({ [name]: e.target.value })}>`}
      ${fieldErrorText(id, error)}
    </div>`;
  }

  dialogBody() {
    const l = this.language;
    const d = this.dialog;
    switch (d.kind) {
      case 'busy':
        return d.error ? nothing : html`<p class="loading">${t(l, 'loading')}</p>`;
      case 'convert': {
        const checks = d.checks;
        const accounts = (checks || []).filter((c) => c.entity === 'Account');
        const contacts = (checks || []).filter((c) => c.entity === 'Contact');
        const radio = (group, value, text) => html`<label class="choice"><input type="radio" name=${`convert-${group}`} value=${value}
          .checked=${d[group] === value} @change=${() => this.patchDialog({ [group]: value })}> ${text}</label>`;
        return html`
          <section class="duplicate-check" id="convert-duplicates" aria-labelledby="convert-dup-title">
            <h3 id="convert-dup-title">${t(l, 'convert.duplicates')}</h3>
            ${!checks ? html`<p class="loading">${t(l, 'loading')}</p>` : checks.length === 0
              ? html`<p class="muted" id="convert-no-duplicates">${t(l, 'convert.noDuplicates')}</p>`
              : html`<ul>${checks.map((c) => {
                const type = entityByName(this.entities, c.entity);
                return html`<li class="duplicate-match"><span class="pill">${type ? label(type.label, l, c.entity) : c.entity}</span>
                  ${type ? html`<a href=${href([type.plural, c.id])} target="_blank" rel="noopener">${c.displayName || c.id}</a>` : c.displayName}
                  <span class="muted">${(c.matchedOn || []).map((on) => t(l, 'convert.matchedOn', on)).join(', ')}</span></li>`;
              })}</ul>`}
          </section>
          <fieldset><legend>${t(l, 'convert.account')}</legend>
            ${radio('account', 'new', t(l, 'convert.newAccount'))}
            ${accounts.map((a) => radio('account', a.id, t(l, 'convert.linkAccount', a.displayName || a.id)))}
          </fieldset>
          <fieldset><legend>${t(l, 'convert.contact')}</legend>
            ${radio('contact', 'new', t(l, 'convert.newContact'))}
            ${contacts.map((c) => radio('contact', c.id, t(l, 'convert.linkContact', c.displayName || c.id)))}
          </fieldset>
          <label class="choice"><input type="checkbox" id="convert-opportunity" .checked=${d.withOpportunity}
            @change=${(e) => this.patchDialog({ withOpportunity: e.target.checked })}> ${t(l, 'convert.opportunity')}</label>
          ${d.withOpportunity ? this.input('convert-opportunity-name', 'opportunityName', t(l, 'convert.opportunityName'), { required: true }) : nothing}`;
      }
      case 'converted': {
        const r = d.result || {};
        const link = (entity, id) => {
          const type = entityByName(this.entities, entity);
          return id && type ? html`<li><a class="converted-link" data-entity=${entity} href=${href([type.plural, id])}
            @click=${() => this.closeDialog()}>${label(type.label, l, entity)}</a></li>` : nothing;
        };
        return html`<p id="convert-result">${t(l, 'convert.result')}</p>
          <ul>${link('Account', r.accountId)}${link('Contact', r.contactId)}${link('Opportunity', r.opportunityId)}</ul>`;
      }
      case 'required':
        return html`<p>${t(l, 'stage.required')}</p>
          <fieldset class="required-actions">${d.missing.map((a) => html`<label class="choice"><input type="checkbox" value=${a}
            .checked=${d.checked.includes(a)} @change=${(e) => this.patchDialog({ checked: e.target.checked
              ? [...d.checked, a] : d.checked.filter((x) => x !== a) })}> ${a}</label>`)}</fieldset>`;
      case 'lost':
        return html`${this.input('lost-reason', 'reason', t(l, 'stage.lostReason'), { required: true })}
          ${this.input('lost-competitor', 'competitor', t(l, 'stage.competitor'))}`;
      case 'email': {
        const templates = d.templates || [];
        return html`<div class="form-field"><label for="email-template">${t(l, 'email.template')}</label>
            <select id="email-template" @change=${(e) => this.patchDialog({ templateId: e.target.value, preview: null })}>
              <option value="">${t(l, 'email.noTemplate')}</option>
              ${templates.map((tp) => html`<option value=${tp.id} ?selected=${tp.id === d.templateId}>${tp.name}</option>`)}
            </select></div>
          ${d.templateId ? html`<button type="button" class="secondary" id="email-preview" @click=${() => this.previewEmail()}>${t(l, 'email.preview')}</button>
            ${d.preview ? html`<div class="email-preview card" id="email-preview-body"><p><strong>${d.preview.subject}</strong></p>
              <pre>${d.preview.text || ''}</pre></div>` : nothing}`
            : html`${this.input('email-to', 'to', t(l, 'email.to'), { required: true })}
              ${this.input('email-subject', 'subject', t(l, 'email.subject'), { required: true })}
              ${this.input('email-text', 'text', t(l, 'email.text'), { long: true })}`}`;
      }
      case 'sms':
        return html`${this.input('sms-text', 'text', t(l, 'sms.text'), { required: true, long: true })}
          <p class="muted">${(d.text || '').length} / 70</p>`;
      case 'share':
        return html`${this.principal('share-principal', 'principalId', t(l, 'share.principal'))}
          <div class="form-field"><label for="share-access">${t(l, 'share.access')}</label>
            <select id="share-access" @change=${(e) => this.patchDialog({ access: e.target.value })}>
              <option value="read" ?selected=${d.access === 'read'}>${t(l, 'share.read')}</option>
              <option value="read-write" ?selected=${d.access === 'read-write'}>${t(l, 'share.readWrite')}</option>
            </select></div>`;
      case 'transfer':
        return html`${this.principal('transfer-owner', 'ownerId', t(l, 'transfer.owner'))}
          <label class="choice"><input type="checkbox" .checked=${d.includeRelated}
            @change=${(e) => this.patchDialog({ includeRelated: e.target.checked })}> ${t(l, 'transfer.related')}</label>`;
      case 'delete':
        return html`<p>${t(l, 'record.confirmDelete', displayName(this.record))}</p>`;
      case 'transition':
        return transitions().transitionDialogBody(this);
      default:
        return nothing;
    }
  }
}

customElements.define('atrium-record-page', RecordPage);

registerView('record', ({ entity, entities, route, language, user }) => html`<atrium-record-page .entity=${entity}
  .entities=${entities} .route=${route} .language=${language} .user=${user}></atrium-record-page>`);
