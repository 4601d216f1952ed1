import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { addWords, label, t } from './i18n.js';
import { href } from './routes.js';
import { registerView } from './views.js';
import { knownScreens, screenHost } from './screens.js';
import { money, day } from './format.js';

// The home page (#/home, the page after login): the caller's open opportunities and new leads, what changed
// lately, the widgets modules contribute (the opportunities module's funnel and forecast) and, for
// administrators, mail and SMS that could not be delivered. Each card asks the API only for a type the metadata
// lists for the caller, so a disabled module's card is simply absent, and every figure is what the API lets the
// caller see.

addWords({
  en: {
    'home.title': 'Home',
    'home.hello': (name) => `Welcome back, ${name}`,
    'home.myOpportunities': 'My open opportunities',
    'home.myLeads': 'My new leads',
    'home.recent': 'Recently changed',
    'home.failures': 'Mail and SMS failures',
    'home.noFailures': 'Nothing failed: every message was delivered or is still being tried.',
    'home.none': 'Nothing here yet.',
    'home.showAll': (n) => `Show all (${n})`,
    'home.closes': 'closes',
    'home.mailDead': 'Mail given up',
    'home.smsDead': 'SMS given up',
    'home.scanDead': 'Incoming mail not filed',
    'home.openTotal': 'Open total',
  },
  'zh-CN': {
    'home.title': '首页',
    'home.hello': (name) => `欢迎回来，${name}`,
    'home.myOpportunities': '我的进行中机会',
    'home.myLeads': '我的新潜在客户',
    'home.recent': '最近更改',
    'home.failures': '邮件和短信发送失败',
    'home.noFailures': '没有失败：所有消息均已投递或仍在重试。',
    'home.none': '暂无内容。',
    'home.showAll': (n) => `查看全部（${n}）`,
    'home.closes': '预计成交',
    'home.mailDead': '放弃发送的邮件',
    'home.smsDead': '放弃发送的短信',
    'home.scanDead': '未能归档的来信',
    'home.openTotal': '进行中合计',
  },
});

const RECENT_TYPES = ['accounts', 'contacts', 'leads', 'opportunities'];
const FAILURES = [['mail-outbox', 'home.mailDead'], ['sms-outbox', 'home.smsDead'], ['mail-scan-failures', 'home.scanDead']];

/** A person's name as the language writes it: Chinese family name first without a space. */
export function personName(row, language) {
  const first = row.firstName || '';
  const last = row.lastName || '';
  const cjk = /[\u3400-\u9fff]/.test(first + last);
  if (cjk || language === 'zh-CN') return `${last}${cjk ? '' : ' '}${first}`.trim();
  return `${first} ${last}`.trim();
}

/** What a record is called, whatever its type. */
export function recordName(row, language) {
  return row.name || (row.lastName || row.firstName ? personName(row, language) : '') || row.subject || row.id;
}

function quoted(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

class HomePage extends LitElement {
  static properties = {
    entities: { attribute: false },
    user: { attribute: false },
    language: { attribute: false },
    screens: { attribute: false },
    data: { state: true },
  };

  constructor() {
    super();
    this.data = {};
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if ((changed.has('entities') || changed.has('user')) && this.user && this.entities) this.load();
  }

  has(plural) {
    return (this.entities || []).some((e) => e.plural === plural);
  }

  async load() {
    const me = this.user.id;
    const jobs = {};
    if (this.has('opportunities') && me) {
      jobs.opportunities = `/api/v1/opportunities?${new URLSearchParams({ filter: `ownerId eq ${quoted(me)} and closed eq false`, sort: 'closeDate', limit: '8' })}`;
    }
    if (this.has('leads') && me) {
      jobs.leads = `/api/v1/leads?${new URLSearchParams({ filter: `ownerId eq ${quoted(me)} and status eq 'new'`, sort: '-createdAt', limit: '8' })}`;
    }
    for (const plural of RECENT_TYPES) {
      if (this.has(plural)) jobs[`recent:${plural}`] = `/api/v1/${plural}?${new URLSearchParams({ sort: '-modifiedAt', limit: '5' })}`;
    }
    if (this.user.administrator) {
      for (const [plural] of FAILURES) {
        if (this.has(plural)) jobs[`dead:${plural}`] = `/api/v1/${plural}?${new URLSearchParams({ filter: "status eq 'dead'", sort: '-createdAt', limit: '3' })}`;
      }
    }
    const data = {};
    await Promise.all(Object.entries(jobs).map(async ([key, path]) => {
      try {
        data[key] = await api('GET', path);
      } catch (e) {
        data[key] = { error: e.message };
      }
    }));
    this.data = data;
  }

  get recent() {
    const rows = [];
    for (const plural of RECENT_TYPES) {
      const page = this.data[`recent:${plural}`];
      const entity = (this.entities || []).find((e) => e.plural === plural);
      if (!page || !page.items || !entity) continue;
      page.items.forEach((row) => rows.push({ row, entity, at: row.modifiedAt || row.createdAt || '' }));
    }
    return rows.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, 8);
  }

  card(id, title, body, more) {
    return html`<section class="home-card" id=${id} aria-labelledby=${`${id}-title`}>
      <header><h2 id=${`${id}-title`}>${title}</h2>${more || nothing}</header>
      ${body}
    </section>`;
  }

  listBody(page, item) {
    const l = this.language;
    if (!page) return html`<p class="loading">${t(l, 'loading')}</p>`;
    if (page.error) return html`<p class="error" role="alert">${page.error}</p>`;
    if (!page.items.length) return html`<p class="empty">${t(l, 'home.none')}</p>`;
    return html`<ul class="home-list">${page.items.map(item)}</ul>`;
  }

  showAll(page, link) {
    if (!page || !page.items || !page.items.length || page.total === undefined) return nothing;
    return html`<a class="show-all" href=${link}>${t(this.language, 'home.showAll', page.totalExact === false ? `${page.total}+` : page.total)}</a>`;
  }

  render() {
    const l = this.language;
    const name = (this.user && (this.user.displayName || this.user.loginName)) || '';
    const widgets = (this.screens || []).filter((s) => s.placement === 'home');
    const opps = this.data.opportunities;
    const leads = this.data.leads;
    const openSum = opps && opps.items ? opps.items.reduce((s, o) => s + (Number(o.amount) || 0), 0) : 0;
    return html`
      <section class="home" id="home-page">
        <div class="home-head">
          <h1 id="home-title">${t(l, 'home.hello', name)}</h1>
          <p class="home-date">${new Intl.DateTimeFormat(l, { dateStyle: 'full' }).format(new Date())}</p>
        </div>
        <div class="home-grid">
          ${this.has('opportunities') ? this.card('home-opportunities', t(l, 'home.myOpportunities'), html`
            ${opps && opps.items && opps.items.length ? html`<p class="home-kpi"><span>${t(l, 'home.openTotal')}</span>
              <strong>${money(openSum, opps.items[0].currency, l)}</strong></p>` : nothing}
            ${this.listBody(opps, (o) => html`<li data-id=${o.id}>
              <a href=${href(['opportunities', o.id])}>${o.name}</a>
              <span class="meta">${money(o.amount, o.currency, l)}${o.closeDate ? html` · ${t(l, 'home.closes')} ${day(o.closeDate, l)}` : nothing}</span>
              ${o.probability !== undefined && o.probability !== null ? html`<span class="badge">${o.probability}%</span>` : nothing}
            </li>`)}`, this.showAll(opps, '#/opportunities')) : nothing}
          ${this.has('leads') ? this.card('home-leads', t(l, 'home.myLeads'), this.listBody(leads, (d) => html`<li data-id=${d.id}>
              <a href=${href(['leads', d.id])}>${personName(d, l) || d.company || d.id}</a>
              <span class="meta">${d.company || ''}</span>
            </li>`), this.showAll(leads, '#/leads')) : nothing}
          ${widgets.map((w) => html`<section class="home-card wide" data-widget=${w.name} aria-label=${label(w.label, l, w.name)}>
              <header><h2>${label(w.label, l, w.name)}</h2></header>
              ${screenHost(w, { language: l, user: this.user, route: { name: 'home' } })}
            </section>`)}
          ${RECENT_TYPES.some((p) => this.has(p)) ? this.card('home-recent', t(l, 'home.recent'), this.recent.length
            ? html`<ul class="home-list">${this.recent.map(({ row, entity }) => html`<li data-id=${row.id}>
                <a href=${href([entity.plural, row.id])}>${recordName(row, l)}</a>
                <span class="meta">${label(entity.label, l, entity.name)}</span></li>`)}</ul>`
            : html`<p class="empty">${Object.keys(this.data).length ? t(l, 'home.none') : t(l, 'loading')}</p>`) : nothing}
          ${this.user && this.user.administrator && FAILURES.some(([p]) => this.has(p)) ? this.card('home-failures', t(l, 'home.failures'), this.failures()) : nothing}
        </div>
      </section>`;
  }

  failures() {
    const l = this.language;
    const rows = FAILURES.filter(([p]) => this.has(p)).map(([plural, key]) => ({ plural, key, page: this.data[`dead:${plural}`] }));
    if (rows.some((r) => !r.page)) return html`<p class="loading">${t(l, 'loading')}</p>`;
    const failed = rows.filter((r) => r.page.items && r.page.items.length);
    if (!failed.length) return html`<p class="empty ok">${t(l, 'home.noFailures')}</p>`;
    return html`<ul class="home-list">${failed.map((r) => html`<li data-failures=${r.plural}>
        <a href=${href([r.plural], { filter: "status eq 'dead'" })}>${t(l, r.key)}</a>
        <span class="count bad">${r.page.totalExact === false ? `${r.page.total}+` : r.page.total}</span>
        ${r.page.items[0].lastError ? html`<span class="meta">${r.page.items[0].lastError}</span>` : nothing}
      </li>`)}</ul>`;
  }
}

customElements.define('atrium-home', HomePage);

registerView('home', ({ entities, language, user }) => html`<atrium-home .entities=${entities} .language=${language} .user=${user}
  .screens=${knownScreens()}></atrium-home>`);
