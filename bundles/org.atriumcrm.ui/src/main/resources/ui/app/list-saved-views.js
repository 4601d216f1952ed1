import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { addWords, t } from './i18n.js';

// Saved list views (GET/POST /api/v1/list-views, PATCH/DELETE …/{id}): the user's own and the shared ones.
// Picking one sends 'view-pick' {view|null}; saving sends 'view-saved' {view}. The list applies them to its URL.

addWords({
  en: {
    'views.label': 'View',
    'views.all': 'All records',
    'views.mine': 'My views',
    'views.shared': 'Shared views',
    'views.sharedBy': (who) => `shared by ${who}`,
    'views.save': 'Save view',
    'views.saveAs': 'Save as new view',
    'views.update': 'Save changes',
    'views.delete': 'Delete view',
    'views.name': 'View name',
    'views.share': 'Share with everyone',
    'views.sharedMark': 'shared',
    'views.cancel': 'Cancel',
    'views.saved': (name) => `View “${name}” saved.`,
    'views.deleted': (name) => `View “${name}” deleted.`,
    'views.confirmDelete': (name) => `Delete the view “${name}”?`,
  },
  'zh-CN': {
    'views.label': '视图',
    'views.all': '全部记录',
    'views.mine': '我的视图',
    'views.shared': '共享视图',
    'views.sharedBy': (who) => `由 ${who} 共享`,
    'views.save': '保存视图',
    'views.saveAs': '另存为新视图',
    'views.update': '保存修改',
    'views.delete': '删除视图',
    'views.name': '视图名称',
    'views.share': '与所有人共享',
    'views.sharedMark': '已共享',
    'views.cancel': '取消',
    'views.saved': (name) => `视图“${name}”已保存。`,
    'views.deleted': (name) => `视图“${name}”已删除。`,
    'views.confirmDelete': (name) => `删除视图“${name}”？`,
  },
});

class SavedViews extends LitElement {
  static properties = {
    entity: { attribute: false },
    language: { attribute: false },
    viewId: { attribute: false },
    current: { attribute: false },
    views: { state: true },
    saving: { state: true },
    message: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.views = [];
    this.saving = false;
    this.message = '';
    this.error = '';
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('entity') && this.entity) this.load();
  }

  async load() {
    try {
      const answer = await api('GET', `/api/v1/list-views?entity=${encodeURIComponent(this.entity.name)}`);
      this.views = answer.items || [];
    } catch (e) {
      this.error = e.message;
    }
  }

  get selected() {
    return this.views.find((v) => v.id === this.viewId);
  }

  pick(id) {
    const view = this.views.find((v) => v.id === id) || null;
    this.message = '';
    this.dispatchEvent(new CustomEvent('view-pick', { detail: { view }, bubbles: true }));
  }

  body() {
    const c = this.current || {};
    return { columns: c.columns || [], sort: c.sort || '', filter: c.filter || '' };
  }

  async save(event) {
    event.preventDefault();
    const form = event.target;
    const name = form.viewName.value.trim();
    if (!name) return;
    await this.send(() => api('POST', '/api/v1/list-views', { entity: this.entity.name, name, shared: form.viewShared.checked, ...this.body() }));
  }

  // not update()/remove(): those names are LitElement's render step and the DOM's own removal
  async saveChanges() {
    await this.send(() => api('PATCH', `/api/v1/list-views/${encodeURIComponent(this.viewId)}`, this.body()));
  }

  async send(call) {
    this.error = '';
    try {
      const view = await call();
      this.saving = false;
      await this.load();
      this.message = t(this.language, 'views.saved', view.name);
      this.dispatchEvent(new CustomEvent('view-saved', { detail: { view }, bubbles: true }));
    } catch (e) {
      this.error = e.message;
    }
  }

  async deleteView() {
    const view = this.selected;
    if (!view || !confirm(t(this.language, 'views.confirmDelete', view.name))) return;
    try {
      await api('DELETE', `/api/v1/list-views/${encodeURIComponent(view.id)}`);
      await this.load();
      this.message = t(this.language, 'views.deleted', view.name);
      this.pick('');
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    const l = this.language;
    const mine = this.views.filter((v) => v.mine);
    const shared = this.views.filter((v) => !v.mine);
    const selected = this.selected;
    return html`
      <div class="saved-views">
        <label for="view-select">${t(l, 'views.label')}</label>
        <select id="view-select" @change=${(e) => this.pick(e.target.value)}>
          <option value="" ?selected=${!selected}>${t(l, 'views.all')}</option>
          ${mine.length ? html`<optgroup label=${t(l, 'views.mine')}>
            ${mine.map((v) => html`<option value=${v.id} ?selected=${v.id === this.viewId}>${v.name}${v.shared ? ` · ${t(l, 'views.sharedMark')}` : ''}</option>`)}
          </optgroup>` : nothing}
          ${shared.length ? html`<optgroup label=${t(l, 'views.shared')}>
            ${shared.map((v) => html`<option value=${v.id} ?selected=${v.id === this.viewId}>${v.name} (${t(l, 'views.sharedBy', v.ownerName || '')})</option>`)}
          </optgroup>` : nothing}
        </select>
        ${selected && selected.canChange ? html`
          <button type="button" class="secondary" id="view-update" @click=${this.saveChanges}>${t(l, 'views.update')}</button>
          <button type="button" class="ghost danger" id="view-delete" @click=${this.deleteView}>${t(l, 'views.delete')}</button>` : nothing}
        <button type="button" class="secondary" id="view-save" aria-expanded=${this.saving ? 'true' : 'false'}
          @click=${() => { this.saving = !this.saving; this.message = ''; }}>${selected ? t(l, 'views.saveAs') : t(l, 'views.save')}</button>
        ${this.message ? html`<span class="ok-note" role="status" id="view-message">${this.message}</span>` : nothing}
        ${this.error ? html`<span class="error inline" role="alert">${this.error}</span>` : nothing}
      </div>
      ${this.saving ? html`
        <form class="save-view" @submit=${this.save}>
          <label for="view-name">${t(l, 'views.name')}</label>
          <input id="view-name" name="viewName" required maxlength="100" autofocus>
          <label class="check"><input type="checkbox" id="view-shared" name="viewShared"> ${t(l, 'views.share')}</label>
          <button type="submit" id="view-save-confirm">${t(l, 'views.save')}</button>
          <button type="button" class="ghost" @click=${() => { this.saving = false; }}>${t(l, 'views.cancel')}</button>
        </form>` : nothing}`;
  }
}

customElements.define('atrium-saved-views', SavedViews);
