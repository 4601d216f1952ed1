// Administration of the platform: modules (enable / disable, dependents, change log), plugins (upload, state,
// uninstall), the quick-search index and the recycle bin.
import { addWords, label } from './i18n.js';
import { refreshEntities } from './live-menu.js';
import { AdminElement, adminSection, api, badge, html, nothing, when } from './admin-kit.js';

addWords({
  en: {
    'admin.section.modules': 'Modules',
    'admin.section.plugins': 'Plugins',
    'admin.section.search-index': 'Quick-search index',
    'admin.section.recycle-bin': 'Recycle bin',
    'modules.intro': 'Switch business modules on and off. A disabled module’s menu entries, pages and API go away at once for every user; its data stays.',
    'modules.module': 'Module',
    'modules.state': 'State',
    'modules.requires': 'Requires',
    'modules.types': 'Record types',
    'modules.enable': 'Enable',
    'modules.disable': 'Disable',
    'modules.platform': 'platform',
    'modules.platformHint': 'A platform module cannot be disabled',
    'modules.state.enabled': 'Enabled',
    'modules.state.disabled': 'Disabled',
    'modules.state.unsatisfied': 'Waiting for a required module',
    'modules.confirmTitle': (name) => `Disable ${name}?`,
    'modules.confirmText': 'Its menu entries, pages and API disappear for every user at once. Its data stays and comes back when it is enabled again.',
    'modules.dependents': 'These enabled modules require it and will be disabled too:',
    'modules.noDependents': 'No enabled module requires it.',
    'modules.confirm': 'Disable',
    'modules.cancel': 'Cancel',
    'modules.enabled': (name) => `${name} is enabled.`,
    'modules.disabled': (name) => `${name} is disabled.`,
    'modules.log': 'Change log',
    'modules.at': 'When',
    'modules.action': 'Change',
    'modules.by': 'By',
    'modules.cascaded': 'Also disabled',
    'modules.action.enabled': 'enabled',
    'modules.action.disabled': 'disabled',
    'modules.count': (on, all) => `${on} of ${all} enabled`,
    'plugins.intro': 'Install a plugin bundle (.jar) or a Karaf archive (.kar). It starts at once, without a restart.',
    'plugins.file': 'Plugin file (.jar or .kar)',
    'plugins.upload': 'Upload and install',
    'plugins.uploading': 'Installing…',
    'plugins.chooseFile': 'Choose a .jar or .kar file first.',
    'plugins.installed': (name) => `${name} is installed.`,
    'plugins.name': 'Plugin',
    'plugins.version': 'Version',
    'plugins.state': 'State',
    'plugins.module': 'Module',
    'plugins.source': 'Installed from',
    'plugins.failure': 'Failure',
    'plugins.uninstall': 'Uninstall',
    'plugins.none': 'No plugin is installed.',
    'plugins.kars': 'Karaf archives',
    'plugins.uninstallTitle': (name) => `Uninstall ${name}?`,
    'plugins.purge': 'Also delete its data (drops the plugin’s tables; cannot be undone)',
    'plugins.keepHint': 'Without this, its tables stay in the database and come back when it is installed again.',
    'plugins.uninstalled': (name) => `${name} is uninstalled.`,
    'plugins.dropped': (tables) => `Dropped tables: ${tables}`,
    'plugins.state.active': 'Active',
    'plugins.state.failed': 'Failed',
    'index.intro': 'The quick search of large lists is served from this index. Rebuild it after records were written around the platform (e.g. directly in the database).',
    'index.entity': 'Record type',
    'index.documents': 'Documents',
    'index.state': 'State',
    'index.rebuild': 'Rebuild',
    'index.rebuildAll': 'Rebuild all',
    'index.rebuilding': 'Rebuild started.',
    'index.built': 'Built',
    'index.building': 'Building',
    'index.queued': 'Queued',
    'index.used': 'In use',
    'index.fromRecords': 'Index kept up to date from record writes',
    'bin.intro': 'Deleted records stay here until restored or purged.',
    'bin.record': 'Record',
    'bin.type': 'Type',
    'bin.deletedAt': 'Deleted',
    'bin.deletedBy': 'By',
    'bin.restore': 'Restore',
    'bin.purge': 'Purge',
    'bin.purgeConfirm': (name) => `Delete ${name} for good? This cannot be undone.`,
    'bin.empty': 'The recycle bin is empty.',
    'bin.restored': (name) => `${name} is restored.`,
    'bin.purged': (name) => `${name} is deleted for good.`,
    'bin.all': 'All types',
    'bin.filter': 'Record type',
  },
  'zh-CN': {
    'admin.section.modules': '模块',
    'admin.section.plugins': '插件',
    'admin.section.search-index': '快速搜索索引',
    'admin.section.recycle-bin': '回收站',
    'modules.intro': '启用或停用业务模块。停用后，该模块的菜单、页面和 API 会立即对所有用户消失，数据保留。',
    'modules.module': '模块',
    'modules.state': '状态',
    'modules.requires': '依赖',
    'modules.types': '记录类型',
    'modules.enable': '启用',
    'modules.disable': '停用',
    'modules.platform': '平台',
    'modules.platformHint': '平台模块不能停用',
    'modules.state.enabled': '已启用',
    'modules.state.disabled': '已停用',
    'modules.state.unsatisfied': '等待依赖模块',
    'modules.confirmTitle': (name) => `停用“${name}”？`,
    'modules.confirmText': '其菜单、页面和 API 将立即对所有用户消失。数据会保留，重新启用后恢复。',
    'modules.dependents': '以下已启用的模块依赖它，也将被停用：',
    'modules.noDependents': '没有已启用的模块依赖它。',
    'modules.confirm': '停用',
    'modules.cancel': '取消',
    'modules.enabled': (name) => `“${name}”已启用。`,
    'modules.disabled': (name) => `“${name}”已停用。`,
    'modules.log': '变更记录',
    'modules.at': '时间',
    'modules.action': '变更',
    'modules.by': '操作人',
    'modules.cascaded': '同时停用',
    'modules.action.enabled': '启用',
    'modules.action.disabled': '停用',
    'modules.count': (on, all) => `已启用 ${on} / ${all}`,
    'plugins.intro': '安装插件（.jar）或 Karaf 归档（.kar），无需重启即可生效。',
    'plugins.file': '插件文件（.jar 或 .kar）',
    'plugins.upload': '上传并安装',
    'plugins.uploading': '正在安装…',
    'plugins.chooseFile': '请先选择 .jar 或 .kar 文件。',
    'plugins.installed': (name) => `“${name}”已安装。`,
    'plugins.name': '插件',
    'plugins.version': '版本',
    'plugins.state': '状态',
    'plugins.module': '模块',
    'plugins.source': '安装来源',
    'plugins.failure': '失败原因',
    'plugins.uninstall': '卸载',
    'plugins.none': '尚未安装插件。',
    'plugins.kars': 'Karaf 归档',
    'plugins.uninstallTitle': (name) => `卸载“${name}”？`,
    'plugins.purge': '同时删除其数据（删除插件的数据表，不可恢复）',
    'plugins.keepHint': '不勾选时，数据表保留在数据库中，重新安装后恢复。',
    'plugins.uninstalled': (name) => `“${name}”已卸载。`,
    'plugins.dropped': (tables) => `已删除数据表：${tables}`,
    'plugins.state.active': '运行中',
    'plugins.state.failed': '失败',
    'index.intro': '大列表的快速搜索由此索引提供。在平台之外（例如直接在数据库中）写入记录后，请重建索引。',
    'index.entity': '记录类型',
    'index.documents': '文档数',
    'index.state': '状态',
    'index.rebuild': '重建',
    'index.rebuildAll': '全部重建',
    'index.rebuilding': '已开始重建。',
    'index.built': '已建立',
    'index.building': '正在建立',
    'index.queued': '排队中',
    'index.used': '使用中',
    'index.fromRecords': '随记录写入自动更新索引',
    'bin.intro': '已删除的记录保留在这里，直到恢复或彻底删除。',
    'bin.record': '记录',
    'bin.type': '类型',
    'bin.deletedAt': '删除时间',
    'bin.deletedBy': '删除人',
    'bin.restore': '恢复',
    'bin.purge': '彻底删除',
    'bin.purgeConfirm': (name) => `彻底删除“${name}”？此操作不可恢复。`,
    'bin.empty': '回收站为空。',
    'bin.restored': (name) => `“${name}”已恢复。`,
    'bin.purged': (name) => `“${name}”已彻底删除。`,
    'bin.all': '全部类型',
    'bin.filter': '记录类型',
  },
});

/** The enabled modules that would go with `id`: those requiring it, and those requiring them, and so on. */
export function dependentsOf(id, modules) {
  const found = new Map();
  const visit = (target) => {
    for (const m of modules) {
      if (m.enabled && !found.has(m.id) && m.id !== id && (m.requires || []).includes(target)) {
        found.set(m.id, m);
        visit(m.id);
      }
    }
  };
  visit(id);
  return [...found.values()];
}

class ModulesAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, modules: { state: true }, changes: { state: true }, pending: { state: true } };

  constructor() {
    super();
    this.modules = [];
    this.changes = [];
    this.pending = null;
  }

  async load() {
    const [modules, changes] = await Promise.all([api('GET', '/api/v1/admin/modules'), api('GET', '/api/v1/admin/module-changes')]);
    this.modules = modules.items || [];
    this.changes = (changes.items || []).slice(0, 50);
  }

  name(m) {
    return label(m.name, this.language, m.id);
  }

  nameOf(id) {
    const m = this.modules.find((x) => x.id === id);
    return m ? this.name(m) : id;
  }

  askDisable(m) {
    this.pending = m;
    this.updateComplete.then(() => this.dialog('module-dialog').showModal());
  }

  async disable() {
    const m = this.pending;
    const cascade = dependentsOf(m.id, this.modules).length > 0;
    this.dialog('module-dialog').close();
    this.pending = null;
    await this.run(() => api('POST', `/api/v1/admin/modules/${encodeURIComponent(m.id)}/disable${cascade ? '?cascade=true' : ''}`),
      this.t('modules.disabled', this.name(m)));
    refreshEntities();
  }

  async enable(m) {
    await this.run(() => api('POST', `/api/v1/admin/modules/${encodeURIComponent(m.id)}/enable`), this.t('modules.enabled', this.name(m)));
    refreshEntities();
  }

  stateBadge(m) {
    const tone = { enabled: 'ok', disabled: 'off', unsatisfied: 'warn' }[m.state] || 'neutral';
    return badge(this.t(`modules.state.${m.state}`) || m.state, tone);
  }

  render() {
    const l = this.language;
    const on = this.modules.filter((m) => m.enabled).length;
    const dependents = this.pending ? dependentsOf(this.pending.id, this.modules) : [];
    return html`
      <header class="admin-head">
        <div><h2>${this.t('admin.section.modules')}</h2><p class="admin-intro">${this.t('modules.intro')}</p></div>
        ${this.loaded ? html`<span class="admin-count">${this.t('modules.count', on, this.modules.length)}</span>` : nothing}
      </header>
      ${this.messages()}
      <div class="module-grid">
        ${this.modules.map((m) => html`
          <article class=${`module-card ${m.enabled ? 'is-on' : 'is-off'}`} data-module=${m.id} aria-labelledby=${`module-${m.id}-name`}>
            <header>
              <h3 id=${`module-${m.id}-name`}>${this.name(m)}</h3>
              ${this.stateBadge(m)}
            </header>
            <p class="module-meta"><code>${m.id}</code> · ${m.version}${m.platform ? html` · ${badge(this.t('modules.platform'), 'info')}` : nothing}</p>
            ${(m.requires || []).length ? html`<p class="module-requires">${this.t('modules.requires')}: ${m.requires.map((r) => this.nameOf(r)).join(', ')}</p>` : nothing}
            ${(m.entityTypes || []).length ? html`<p class="module-types">${m.entityTypes.map((e) => html`<span class="chip">${e.plural}</span>`)}</p>` : nothing}
            ${m.reason ? html`<p class="module-reason">${m.reason}</p>` : nothing}
            <footer>
              ${m.enabled
                ? html`<button type="button" class="secondary module-disable" ?disabled=${this.busy || m.platform}
                    title=${m.platform ? this.t('modules.platformHint') : ''} @click=${() => this.askDisable(m)}>${this.t('modules.disable')}</button>`
                : html`<button type="button" class="module-enable" ?disabled=${this.busy} @click=${() => this.enable(m)}>${this.t('modules.enable')}</button>`}
            </footer>
          </article>`)}
      </div>
      <h3 class="admin-subhead">${this.t('modules.log')}</h3>
      <div class="table-wrap">
        <table class="admin-table" id="module-changes">
          <thead><tr><th scope="col">${this.t('modules.at')}</th><th scope="col">${this.t('modules.module')}</th>
            <th scope="col">${this.t('modules.action')}</th><th scope="col">${this.t('modules.cascaded')}</th><th scope="col">${this.t('modules.by')}</th></tr></thead>
          <tbody>
            ${this.changes.map((c) => html`<tr><td>${when(c.at, l)}</td><td>${this.nameOf(c.module)}</td>
              <td>${badge(this.t(`modules.action.${c.action}`), c.action === 'enabled' ? 'ok' : 'off')}</td>
              <td>${(c.cascaded || []).map((id) => this.nameOf(id)).join(', ')}</td><td>${c.loginName || ''}</td></tr>`)}
          </tbody>
        </table>
      </div>
      <dialog id="module-dialog" class="admin-dialog" aria-labelledby="module-dialog-title">
        ${this.pending ? html`
          <h2 id="module-dialog-title">${this.t('modules.confirmTitle', this.name(this.pending))}</h2>
          <p>${this.t('modules.confirmText')}</p>
          ${dependents.length
            ? html`<p class="warn-text">${this.t('modules.dependents')}</p><ul id="module-dependents">${dependents.map((d) => html`<li>${this.name(d)}</li>`)}</ul>`
            : html`<p id="module-no-dependents">${this.t('modules.noDependents')}</p>`}
          <div class="dialog-buttons">
            <button type="button" class="secondary" @click=${() => { this.dialog('module-dialog').close(); this.pending = null; }}>${this.t('modules.cancel')}</button>
            <button type="button" class="danger" id="confirm-disable" @click=${this.disable}>${this.t('modules.confirm')}</button>
          </div>` : nothing}
      </dialog>`;
  }
}
customElements.define('atrium-admin-modules', ModulesAdmin);

const CONTENT_TYPES = { jar: 'application/java-archive', kar: 'application/zip' };

class PluginsAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, plugins: { state: true }, kars: { state: true }, pending: { state: true } };

  constructor() {
    super();
    this.plugins = [];
    this.kars = [];
    this.pending = null;
  }

  async load() {
    const answer = await api('GET', '/api/v1/admin/plugins');
    this.plugins = answer.items || [];
    this.kars = answer.kars || [];
  }

  async upload(event) {
    event.preventDefault();
    const file = event.target.file.files[0];
    if (!file) {
      this.error = this.t('plugins.chooseFile');
      return;
    }
    const ext = file.name.toLowerCase().split('.').pop();
    const blob = new Blob([file], { type: CONTENT_TYPES[ext] || 'application/octet-stream' });
    const form = event.target;
    const ok = await this.run(() => api('POST', '/api/v1/admin/plugins', blob));
    if (ok) {
      this.notice = this.t('plugins.installed', file.name);
      form.reset();
      refreshEntities();
      // a plugin's bundle and module settle in the moments after the upload: look again a few times
      for (const ms of [1000, 3000, 6000, 10000]) setTimeout(() => this.isConnected && this.reload(), ms);
    }
  }

  askUninstall(plugin) {
    this.pending = plugin;
    this.updateComplete.then(() => {
      this.dialog('plugin-dialog').querySelector('form').reset();
      this.dialog('plugin-dialog').showModal();
    });
  }

  async uninstall(event) {
    event.preventDefault();
    const purge = event.target.purge.checked;
    const p = this.pending;
    this.dialog('plugin-dialog').close();
    this.pending = null;
    let dropped = null;
    const ok = await this.run(async () => {
      const answer = p.kar
        ? await api('DELETE', `/api/v1/admin/plugins/kars/${encodeURIComponent(p.kar)}`)
        : await api('DELETE', `/api/v1/admin/plugins/${encodeURIComponent(p.symbolicName)}?purgeData=${purge}`);
      dropped = answer && answer.droppedTables;
    });
    if (ok) {
      this.notice = `${this.t('plugins.uninstalled', p.name || p.symbolicName || p.kar)}${dropped && dropped.length ? ` ${this.t('plugins.dropped', dropped.join(', '))}` : ''}`;
      refreshEntities();
    }
  }

  render() {
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.plugins')}</h2><p class="admin-intro">${this.t('plugins.intro')}</p></div></header>
      <form class="upload-card" @submit=${this.upload}>
        <label for="plugin-file">${this.t('plugins.file')}</label>
        <input id="plugin-file" name="file" type="file" accept=".jar,.kar">
        <button type="submit" id="plugin-upload" ?disabled=${this.busy}>${this.busy ? this.t('plugins.uploading') : this.t('plugins.upload')}</button>
      </form>
      ${this.messages()}
      <div class="table-wrap">
        <table class="admin-table" id="plugins">
          <thead><tr><th scope="col">${this.t('plugins.name')}</th><th scope="col">${this.t('plugins.version')}</th><th scope="col">${this.t('plugins.state')}</th>
            <th scope="col">${this.t('plugins.module')}</th><th scope="col">${this.t('plugins.source')}</th><th scope="col"><span class="visually-hidden">${this.t('plugins.uninstall')}</span></th></tr></thead>
          <tbody>
            ${this.loaded && !this.plugins.length ? html`<tr><td colspan="6">${this.t('plugins.none')}</td></tr>` : nothing}
            ${this.plugins.map((p) => html`
              <tr data-plugin=${p.symbolicName}>
                <td><strong>${p.name || p.symbolicName}</strong><br><code class="muted">${p.symbolicName}</code>
                  ${p.failure ? html`<p class="plugin-failure">${this.t('plugins.failure')}: ${p.failure}</p>` : nothing}</td>
                <td>${p.version}</td>
                <td>${badge(this.t(`plugins.state.${p.state}`) || p.state, p.state === 'active' ? 'ok' : 'error')} <span class="muted">${p.bundleState}</span></td>
                <td>${p.module ? html`<code>${p.module}</code> <span class="muted">${p.moduleState}</span>` : ''}</td>
                <td>${p.location}</td>
                <td><button type="button" class="secondary plugin-uninstall" ?disabled=${this.busy} @click=${() => this.askUninstall(p)}>${this.t('plugins.uninstall')}</button></td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${this.kars.length ? html`
        <h3 class="admin-subhead">${this.t('plugins.kars')}</h3>
        <ul class="kar-list">${this.kars.map((k) => html`<li><code>${k}</code>
          <button type="button" class="secondary" @click=${() => this.askUninstall({ kar: k, name: k })}>${this.t('plugins.uninstall')}</button></li>`)}</ul>` : nothing}
      <dialog id="plugin-dialog" class="admin-dialog" aria-labelledby="plugin-dialog-title">
        <form @submit=${this.uninstall}>
          <h2 id="plugin-dialog-title">${this.pending ? this.t('plugins.uninstallTitle', this.pending.name || this.pending.symbolicName) : ''}</h2>
          <p class="check ${this.pending && this.pending.kar ? 'hidden' : ''}"><input type="checkbox" id="plugin-purge" name="purge">
            <label for="plugin-purge">${this.t('plugins.purge')}</label></p>
          <p class="muted">${this.t('plugins.keepHint')}</p>
          <div class="dialog-buttons">
            <button type="button" class="secondary" @click=${() => this.dialog('plugin-dialog').close()}>${this.t('modules.cancel')}</button>
            <button type="submit" class="danger" id="confirm-uninstall">${this.t('plugins.uninstall')}</button>
          </div>
        </form>
      </dialog>`;
  }
}
customElements.define('atrium-admin-plugins', PluginsAdmin);

class SearchIndexAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, status: { state: true } };

  async load() {
    this.status = await api('GET', '/api/v1/search-index');
  }

  rebuild(entity) {
    return this.run(() => api('POST', `/api/v1/search-index/rebuild${entity ? `?entity=${encodeURIComponent(entity)}` : ''}`), this.t('index.rebuilding'));
  }

  state(s) {
    if (s.building) return badge(this.t('index.building'), 'warn');
    if (s.queued || s.catchingUp) return badge(this.t('index.queued'), 'warn');
    if (s.built) return badge(this.t('index.built'), 'ok');
    return badge('—', 'neutral');
  }

  render() {
    const entities = Object.entries((this.status && this.status.entities) || {});
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.search-index')}</h2><p class="admin-intro">${this.t('index.intro')}</p></div>
        <button type="button" id="index-rebuild-all" ?disabled=${this.busy} @click=${() => this.rebuild()}>${this.t('index.rebuildAll')}</button></header>
      ${this.messages()}
      ${this.status ? html`<p class="muted">${this.t('index.fromRecords')}: ${this.status.indexFromRecords ? '✓' : '✗'}</p>` : nothing}
      <div class="table-wrap">
        <table class="admin-table" id="search-index">
          <thead><tr><th scope="col">${this.t('index.entity')}</th><th scope="col">${this.t('index.documents')}</th>
            <th scope="col">${this.t('index.state')}</th><th scope="col">${this.t('index.used')}</th><th scope="col"><span class="visually-hidden">${this.t('index.rebuild')}</span></th></tr></thead>
          <tbody>${entities.map(([name, s]) => html`<tr data-entity=${name}><td>${name}</td><td class="num">${s.documents ?? ''}</td><td>${this.state(s)}</td>
            <td>${s.used ? '✓' : ''}</td>
            <td><button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.rebuild(name)}>${this.t('index.rebuild')}</button></td></tr>`)}</tbody>
        </table>
      </div>`;
  }
}
customElements.define('atrium-admin-search-index', SearchIndexAdmin);

class RecycleBinAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, page: { state: true }, entity: { state: true } };

  constructor() {
    super();
    this.entity = '';
  }

  async load() {
    const params = new URLSearchParams({ limit: '100' });
    if (this.entity) params.set('entity', this.entity);
    this.page = await api('GET', `/api/v1/recycle-bin?${params}`);
  }

  restore(r) {
    return this.run(() => api('POST', `/api/v1/recycle-bin/${encodeURIComponent(r.plural)}/${encodeURIComponent(r.id)}/restore`),
      this.t('bin.restored', r.displayName || r.id));
  }

  purge(r) {
    // the one irreversible step here: the browser's own confirm is keyboard-usable and cannot be missed
    if (!window.confirm(this.t('bin.purgeConfirm', r.displayName || r.id))) return undefined;
    return this.run(() => api('DELETE', `/api/v1/recycle-bin/${encodeURIComponent(r.plural)}/${encodeURIComponent(r.id)}`),
      this.t('bin.purged', r.displayName || r.id));
  }

  filter(event) {
    this.entity = event.target.value;
    this.reload();
  }

  render() {
    const l = this.language;
    const items = (this.page && this.page.items) || [];
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.recycle-bin')}</h2><p class="admin-intro">${this.t('bin.intro')}</p></div>
        <label class="inline-field" for="bin-entity">${this.t('bin.filter')}
          <select id="bin-entity" @change=${this.filter}><option value="">${this.t('bin.all')}</option>
            ${(this.entities || []).map((e) => html`<option value=${e.name} ?selected=${e.name === this.entity}>${label(e.pluralLabel, l, e.plural)}</option>`)}
          </select></label></header>
      ${this.messages()}
      <div class="table-wrap">
        <table class="admin-table" id="recycle-bin">
          <thead><tr><th scope="col">${this.t('bin.record')}</th><th scope="col">${this.t('bin.type')}</th><th scope="col">${this.t('bin.deletedAt')}</th>
            <th scope="col">${this.t('bin.deletedBy')}</th><th scope="col"><span class="visually-hidden">${this.t('bin.restore')}</span></th></tr></thead>
          <tbody>
            ${this.loaded && !items.length ? html`<tr><td colspan="5">${this.t('bin.empty')}</td></tr>` : nothing}
            ${items.map((r) => html`<tr data-id=${r.id}><td>${r.displayName || r.id}</td><td>${r.entity}</td><td>${when(r.deletedAt, l)}</td><td>${r.deletedBy || ''}</td>
              <td class="actions"><button type="button" class="secondary" ?disabled=${this.busy} @click=${() => this.restore(r)}>${this.t('bin.restore')}</button>
                <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.purge(r)}>${this.t('bin.purge')}</button></td></tr>`)}
          </tbody>
        </table>
      </div>`;
  }
}
customElements.define('atrium-admin-recycle-bin', RecycleBinAdmin);

adminSection('modules', 'platform', ({ language }) => html`<atrium-admin-modules .language=${language}></atrium-admin-modules>`);
adminSection('plugins', 'platform', ({ language }) => html`<atrium-admin-plugins .language=${language}></atrium-admin-plugins>`);
adminSection('search-index', 'data', ({ language }) => html`<atrium-admin-search-index .language=${language}></atrium-admin-search-index>`);
adminSection('recycle-bin', 'data', ({ language, entities }) => html`<atrium-admin-recycle-bin .language=${language} .entities=${entities}></atrium-admin-recycle-bin>`);
