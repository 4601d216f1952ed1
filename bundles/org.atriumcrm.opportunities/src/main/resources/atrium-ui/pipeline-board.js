import { LitElement, html, nothing } from 'lit';
import { api, ApiError, addWords, day, href, money, t } from 'atrium/ui';

// The pipeline board (#/x/pipeline), contributed by the opportunities module: a column per stage of a sales
// process, the visible opportunities as cards, amounts summed per column. A card moves by drag and drop or, from
// the keyboard, with its "Move to" select: forward through the advance action, to a closing stage through
// close-won / close-lost (the reason asked for). The server decides: a refused move (problem+json) is shown and
// the card goes back to its column; when the stage's required actions are missing, the board asks for them,
// records them (complete-actions) and tries the move again.

// the module's own stylesheet, beside this script (style-src 'self' allows it; no inline styles)
const STYLES = new URL('./pipeline.css', import.meta.url).pathname;

addWords({
  en: {
    'board.title': 'Pipeline board',
    'board.process': 'Sales process',
    'board.mine': 'Only mine',
    'board.moveTo': 'Move to',
    'board.move': 'Move',
    'board.moveCard': (name) => `Move “${name}” to`,
    'board.empty': 'No opportunities in this stage',
    'board.count': (n) => `${n}`,
    'board.refused': 'The move was refused',
    'board.actionsTitle': 'Required actions first',
    'board.actionsIntro': (stage) => `Before leaving “${stage}”, record what has been done:`,
    'board.actionsConfirm': 'Record and move',
    'board.cancel': 'Cancel',
    'board.lostTitle': 'Close as lost',
    'board.reason': 'Why was it lost?',
    'board.competitor': 'Competitor (optional)',
    'board.lostConfirm': 'Close as lost',
    'board.moved': (name, stage) => `“${name}” moved to ${stage}`,
    'board.total': 'Total',
    'board.weighted': 'weighted',
    'board.noProcess': 'There is no active sales process.',
  },
  'zh-CN': {
    'board.title': '销售看板',
    'board.process': '销售流程',
    'board.mine': '只看我的',
    'board.moveTo': '移至',
    'board.move': '移动',
    'board.moveCard': (name) => `将“${name}”移至`,
    'board.empty': '此阶段没有机会',
    'board.count': (n) => `${n}`,
    'board.refused': '移动被拒绝',
    'board.actionsTitle': '请先完成必需的工作',
    'board.actionsIntro': (stage) => `离开“${stage}”之前，请记录已完成的工作：`,
    'board.actionsConfirm': '记录并移动',
    'board.cancel': '取消',
    'board.lostTitle': '关闭为输单',
    'board.reason': '输单原因',
    'board.competitor': '竞争对手（可选）',
    'board.lostConfirm': '确认输单',
    'board.moved': (name, stage) => `“${name}”已移至${stage}`,
    'board.total': '合计',
    'board.weighted': '加权',
    'board.noProcess': '没有启用的销售流程。',
  },
});

const CLOSED_DAYS = 90;

function quoted(value) {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** An action's name as words: needs_confirmed → needs confirmed. */
function words(action) {
  return String(action).replace(/[_-]+/g, ' ');
}

class PipelineBoard extends LitElement {
  static properties = {
    language: { attribute: false },
    user: { attribute: false },
    route: { attribute: false },
    processes: { state: true },
    processId: { state: true },
    cards: { state: true },
    accounts: { state: true },
    mine: { state: true },
    error: { state: true },
    notice: { state: true },
    dialog: { state: true },
    busy: { state: true },
    dragging: { state: true },
  };

  constructor() {
    super();
    this.processes = null;
    this.cards = [];
    this.accounts = new Map();
    this.mine = false;
    this.error = null;
    this.notice = '';
    this.dialog = null;
    this.busy = false;
    this.dragging = null;
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get l() {
    return this.language || 'en';
  }

  get process() {
    return (this.processes || []).find((p) => p.id === this.processId);
  }

  stageLabel(stage) {
    return this.l === 'zh-CN' ? stage.labelZh || stage.name : stage.labelEn || stage.name;
  }

  async load() {
    try {
      if (!this.processes) {
        this.processes = (await api('GET', '/api/v1/opportunities/processes')).processes;
        const byUse = this.processes.find((p) => p.opportunityType === 'new_business') || this.processes[0];
        this.processId = byUse ? byUse.id : undefined;
      }
      if (!this.processId) return;
      const scope = [`salesProcessId eq ${quoted(this.processId)}`];
      if (this.mine && this.user && this.user.id) scope.push(`ownerId eq ${quoted(this.user.id)}`);
      const since = new Date(Date.now() - CLOSED_DAYS * 86400000).toISOString();
      const [open, closed] = await Promise.all([
        api('GET', `/api/v1/opportunities?${new URLSearchParams({ filter: [...scope, 'closed eq false'].join(' and '), sort: 'closeDate', limit: '500' })}`),
        api('GET', `/api/v1/opportunities?${new URLSearchParams({ filter: [...scope, 'closed eq true', `closedAt ge ${quoted(since)}`].join(' and '), sort: '-closedAt', limit: '100' })}`)
          .catch(() => ({ items: [] })), // the recently closed are a courtesy: the open ones still show
      ]);
      this.cards = [...open.items, ...closed.items];
      this.loadAccounts();
    } catch (e) {
      this.error = { title: e.message };
    }
  }

  /** Account names for the cards; without the right to view accounts the cards simply show none. */
  async loadAccounts() {
    const ids = [...new Set(this.cards.map((c) => c.accountId).filter((id) => id && !this.accounts.has(id)))];
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      try {
        const page = await api('GET', `/api/v1/accounts?${new URLSearchParams({ filter: `id in (${chunk.map(quoted).join(',')})`, limit: '100' })}`);
        const next = new Map(this.accounts);
        page.items.forEach((a) => next.set(a.id, a.name));
        this.accounts = next;
      } catch (e) {
        return;
      }
    }
  }

  stageOf(card) {
    return (this.process ? this.process.stages : []).find((s) => s.name === card.stage);
  }

  /** Moves a card: shown in the target column at once, put back if the server refuses. */
  async move(card, target, extra) {
    const from = this.stageOf(card);
    if (!from || from.name === target.name || card.closed || card.pending) return;
    this.error = null;
    this.notice = '';
    const before = card.stage;
    this.replace({ ...card, stage: target.name, pending: true });
    try {
      let moved;
      if (target.outcome === 'won') {
        moved = await api('POST', `/api/v1/opportunities/${encodeURIComponent(card.id)}/close-won`, {});
      } else if (target.outcome === 'lost') {
        if (!extra || !extra.reason) {
          this.replace({ ...card, stage: before });
          this.ask({ kind: 'lost', card, target });
          return;
        }
        moved = await api('POST', `/api/v1/opportunities/${encodeURIComponent(card.id)}/close-lost`, extra);
      } else {
        moved = await api('POST', `/api/v1/opportunities/${encodeURIComponent(card.id)}/advance`, { stage: target.name });
      }
      this.replace(moved);
      this.notice = t(this.l, 'board.moved', moved.name, this.stageLabel(target));
    } catch (e) {
      this.replace({ ...card, stage: before });
      const problem = e instanceof ApiError ? e.problem || {} : {};
      this.error = { title: t(this.l, 'board.refused'), detail: e.message, card: card.id };
      const missing = problem.missingActions;
      if (e instanceof ApiError && e.status === 409 && Array.isArray(missing) && missing.length) {
        this.ask({ kind: 'actions', card, target, from, missing });
      }
    }
  }

  replace(card) {
    this.cards = this.cards.map((c) => (c.id === card.id ? card : c));
  }

  ask(dialog) {
    this.dialog = dialog;
  }

  updated() {
    const d = this.querySelector('dialog.board-dialog');
    if (d && !d.open) d.showModal();
  }

  async confirmActions(event) {
    event.preventDefault();
    const { card, target } = this.dialog;
    const actions = [...event.target.querySelectorAll('input[name=action]:checked')].map((i) => i.value);
    if (!actions.length) return;
    this.busy = true;
    try {
      const updated = await api('POST', `/api/v1/opportunities/${encodeURIComponent(card.id)}/complete-actions`, { actions });
      this.closeDialog();
      await this.move(updated, target);
    } catch (e) {
      this.error = { title: t(this.l, 'board.refused'), detail: e.message, card: card.id };
      this.closeDialog();
    } finally {
      this.busy = false;
    }
  }

  async confirmLost(event) {
    event.preventDefault();
    const { card, target } = this.dialog;
    const reason = event.target.reason.value.trim();
    const competitor = event.target.competitor.value.trim();
    if (!reason) return;
    this.closeDialog();
    await this.move(card, target, competitor ? { reason, competitor } : { reason });
  }

  closeDialog() {
    const d = this.querySelector('dialog.board-dialog');
    if (d && d.open) d.close();
    this.dialog = null;
  }

  onDragStart(event, card) {
    this.dragging = card.id;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.id);
  }

  onDrop(event, stage) {
    event.preventDefault();
    const id = event.dataTransfer.getData('text/plain') || this.dragging;
    this.dragging = null;
    const card = this.cards.find((c) => c.id === id);
    if (card) this.move(card, stage);
  }

  moveByKeyboard(event, card) {
    event.preventDefault();
    // not form.target: that is the form's own target attribute, which hides a control of that name
    const name = event.target.elements.moveTo.value;
    const stage = this.process.stages.find((s) => s.name === name);
    if (stage) this.move(card, stage);
  }

  render() {
    const l = this.l;
    const process = this.process;
    return html`
      <section class="board" id="pipeline-board">
      <link rel="stylesheet" href=${STYLES}>
        <div class="board-head">
          <h1>${t(l, 'board.title')}</h1>
          ${this.processes && this.processes.length > 1 ? html`<label class="board-process">${t(l, 'board.process')}
            <select id="board-process" @change=${(e) => { this.processId = e.target.value; this.load(); }}>
              ${this.processes.map((p) => html`<option value=${p.id} ?selected=${p.id === this.processId}>${p.name}</option>`)}
            </select></label>` : nothing}
          <label class="board-mine"><input type="checkbox" id="board-mine" .checked=${this.mine}
            @change=${(e) => { this.mine = e.target.checked; this.load(); }}> ${t(l, 'board.mine')}</label>
          ${process ? this.totals(process) : nothing}
        </div>
        <div class="board-messages" aria-live="polite">
          ${this.error ? html`<div class="error" role="alert" id="board-error"><strong>${this.error.title}</strong>
            ${this.error.detail ? html`<span>${this.error.detail}</span>` : nothing}</div>` : nothing}
          ${this.notice ? html`<p class="notice" id="board-notice">${this.notice}</p>` : nothing}
        </div>
        ${!this.processes && !this.error ? html`<p class="loading">${t(l, 'loading')}</p>` : nothing}
        ${this.processes && !process ? html`<p>${t(l, 'board.noProcess')}</p>` : nothing}
        ${process ? html`<div class="board-columns">${process.stages.map((s) => this.column(s))}</div>` : nothing}
        ${this.dialog ? this.renderDialog() : nothing}
      </section>`;
  }

  totals(process) {
    const open = this.cards.filter((c) => !c.closed);
    const sum = open.reduce((s, c) => s + (Number(c.amount) || 0), 0);
    const weighted = open.reduce((s, c) => s + ((Number(c.amount) || 0) * (Number(c.probability) || 0)) / 100, 0);
    const currency = (open[0] && open[0].currency) || 'CNY';
    return html`<p class="board-totals" data-process=${process.id}><span>${t(this.l, 'board.total')}</span>
      <strong id="board-total">${money(sum, currency, this.l)}</strong>
      <span class="muted">${t(this.l, 'board.weighted')} ${money(weighted, currency, this.l)}</span></p>`;
  }

  column(stage) {
    const l = this.l;
    const cards = this.cards.filter((c) => c.stage === stage.name);
    const sum = cards.reduce((s, c) => s + (Number(c.amount) || 0), 0);
    const currency = (cards[0] && cards[0].currency) || 'CNY';
    const title = this.stageLabel(stage);
    return html`<section class="board-column outcome-${stage.outcome}" data-stage=${stage.name} aria-label=${title}
        @dragover=${(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }}
        @dragenter=${(e) => e.currentTarget.classList.add('drop')}
        @dragleave=${(e) => { if (!e.currentTarget.contains(e.relatedTarget)) e.currentTarget.classList.remove('drop'); }}
        @drop=${(e) => { e.currentTarget.classList.remove('drop'); this.onDrop(e, stage); }}>
      <header>
        <h2>${title} <span class="count" aria-label=${`${cards.length}`}>${cards.length}</span></h2>
        <p class="column-sum" data-sum=${String(sum)}>${money(sum, currency, l)}</p>
        ${stage.probability !== null && stage.probability !== undefined ? html`<p class="muted">${stage.probability}%</p>` : nothing}
      </header>
      <ol class="cards">
        ${cards.length === 0 ? html`<li class="empty">${t(l, 'board.empty')}</li>` : nothing}
        ${cards.map((c) => this.card(c, stage))}
      </ol>
    </section>`;
  }

  card(c, stage) {
    const l = this.l;
    const others = this.process.stages.filter((s) => s.name !== stage.name);
    const refused = this.error && this.error.card === c.id;
    return html`<li class="deal-card ${c.pending ? 'pending' : ''} ${refused ? 'refused' : ''}" data-id=${c.id}
        draggable=${c.closed ? 'false' : 'true'} @dragstart=${(e) => this.onDragStart(e, c)} @dragend=${() => { this.dragging = null; }}>
      <a class="deal-name" href=${href(['opportunities', c.id])}>${c.name}</a>
      ${c.accountId && this.accounts.get(c.accountId) ? html`<span class="deal-account">${this.accounts.get(c.accountId)}</span>` : nothing}
      <span class="deal-amount">${money(c.amount, c.currency, l)}</span>
      ${c.closeDate ? html`<span class="deal-date">${day(c.closeDate, l)}</span>` : nothing}
      ${c.closed ? nothing : html`<form class="deal-move" @submit=${(e) => this.moveByKeyboard(e, c)}>
        <label class="visually-hidden" for=${`move-${c.id}`}>${t(l, 'board.moveCard', c.name)}</label>
        <select id=${`move-${c.id}`} name="moveTo" class="move-target">
          ${others.map((s) => html`<option value=${s.name}>${this.stageLabel(s)}</option>`)}
        </select>
        <button type="submit" class="move-button" aria-label=${t(l, 'board.moveCard', c.name)}>${t(l, 'board.move')}</button>
      </form>`}
    </li>`;
  }

  renderDialog() {
    const l = this.l;
    const d = this.dialog;
    if (d.kind === 'lost') {
      return html`<dialog class="board-dialog" id="board-lost" aria-labelledby="board-lost-title" @cancel=${() => { this.dialog = null; }}>
        <form @submit=${this.confirmLost}>
          <h2 id="board-lost-title">${t(l, 'board.lostTitle')}</h2>
          <p><strong>${d.card.name}</strong></p>
          <label for="lost-reason">${t(l, 'board.reason')}</label>
          <input id="lost-reason" name="reason" required>
          <label for="lost-competitor">${t(l, 'board.competitor')}</label>
          <input id="lost-competitor" name="competitor">
          <div class="dialog-buttons">
            <button type="button" class="secondary" @click=${this.closeDialog}>${t(l, 'board.cancel')}</button>
            <button type="submit" id="lost-confirm">${t(l, 'board.lostConfirm')}</button>
          </div>
        </form>
      </dialog>`;
    }
    return html`<dialog class="board-dialog" id="board-actions" aria-labelledby="board-actions-title" @cancel=${() => { this.dialog = null; }}>
      <form @submit=${this.confirmActions}>
        <h2 id="board-actions-title">${t(l, 'board.actionsTitle')}</h2>
        <p><strong>${d.card.name}</strong>: ${t(l, 'board.actionsIntro', this.stageLabel(d.from))}</p>
        <fieldset>
          <legend class="visually-hidden">${t(l, 'board.actionsTitle')}</legend>
          ${d.missing.map((a, i) => html`<div class="check"><input type="checkbox" name="action" id=${`action-${i}`} value=${a}>
            <label for=${`action-${i}`}>${words(a)}</label></div>`)}
        </fieldset>
        <div class="dialog-buttons">
          <button type="button" class="secondary" @click=${this.closeDialog}>${t(l, 'board.cancel')}</button>
          <button type="submit" id="actions-confirm" ?disabled=${this.busy}>${t(l, 'board.actionsConfirm')}</button>
        </div>
      </form>
    </dialog>`;
  }
}

customElements.define('atrium-pipeline-board', PipelineBoard);
