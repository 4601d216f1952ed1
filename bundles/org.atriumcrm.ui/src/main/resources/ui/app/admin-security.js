// Administration of people and access: users, the role tree, profiles (rights matrix, field-level security),
// groups, org-wide defaults, sharing rules, and the two logs (login events, security changes).
import { addWords, label } from './i18n.js';
import { AdminElement, adminSection, api, badge, html, nothing, when } from './admin-kit.js';

const RIGHTS = ['view', 'create', 'edit', 'delete', 'export', 'import', 'viewAll'];
const FIELD_ACCESS = ['editable', 'read-only', 'hidden'];
const ORG_LEVELS = ['private', 'public-read', 'public-read-write'];
const KINDS = ['role', 'role-and-subordinates', 'group'];

addWords({
  en: {
    'admin.section.users': 'Users',
    'admin.section.roles': 'Role hierarchy',
    'admin.section.profiles': 'Profiles',
    'admin.section.groups': 'Groups',
    'admin.section.org-defaults': 'Org-wide defaults',
    'admin.section.sharing-rules': 'Sharing rules',
    'admin.section.login-events': 'Login history',
    'admin.section.security-changes': 'Security audit',
    'sec.new': 'New',
    'sec.edit': 'Edit',
    'sec.save': 'Save',
    'sec.delete': 'Delete',
    'sec.cancel': 'Cancel',
    'sec.saved': 'Saved.',
    'sec.deleted': 'Deleted.',
    'sec.name': 'Name',
    'sec.description': 'Description',
    'sec.none': 'None yet.',
    'sec.deleteConfirm': (name) => `Delete ${name}?`,
    'users.intro': 'People who sign in: their role (what they see of others’ records), profiles (what they may do) and groups.',
    'users.login': 'Login name',
    'users.displayName': 'Name',
    'users.email': 'Email',
    'users.mobile': 'Mobile',
    'users.language': 'Language',
    'users.status': 'Status',
    'users.role': 'Role',
    'users.profiles': 'Profiles',
    'users.groups': 'Groups',
    'users.password': 'Initial password',
    'users.newPassword': 'New password',
    'users.resetPassword': 'Reset password',
    'users.resetTitle': (name) => `New password for ${name}`,
    'users.reset': 'Password set; the account is unlocked.',
    'users.lock': 'Lock',
    'users.unlock': 'Unlock',
    'users.create': 'New user',
    'users.editTitle': (name) => `Edit ${name}`,
    'users.admin': 'Administrator',
    'users.status.active': 'Active',
    'users.status.locked': 'Locked',
    'users.status.inactive': 'Inactive',
    'users.noRole': '— no role —',
    'roles.intro': 'Managers see the records of the roles below theirs (where the org-wide default uses the hierarchy).',
    'roles.parent': 'Reports to',
    'roles.top': '— top of the hierarchy —',
    'roles.add': 'Add role',
    'profiles.intro': 'What a profile’s holders may do per record type, and which fields they see or may change.',
    'profiles.rights': 'Rights per record type',
    'profiles.entity': 'Record type',
    'profiles.any': 'Every record type (*)',
    'profiles.fields': 'Field-level security',
    'profiles.fieldEntity': 'Fields of',
    'profiles.field': 'Field',
    'profiles.builtIn': 'built in',
    'profiles.create': 'New profile',
    'profiles.right.view': 'View', 'profiles.right.create': 'Create', 'profiles.right.edit': 'Edit', 'profiles.right.delete': 'Delete',
    'profiles.right.export': 'Export', 'profiles.right.import': 'Import', 'profiles.right.viewAll': 'View all',
    'profiles.access.editable': 'Editable', 'profiles.access.read-only': 'Read-only', 'profiles.access.hidden': 'Hidden',
    'groups.intro': 'Teams of users: a group can own records, and its members see them.',
    'groups.members': 'Members',
    'groups.create': 'New group',
    'org.intro': 'The baseline of who sees whose records, per record type; sharing rules and the role hierarchy open it further.',
    'org.access': 'Default access',
    'org.hierarchy': 'Grant access using the role hierarchy',
    'org.level.private': 'Private', 'org.level.public-read': 'Public read only', 'org.level.public-read-write': 'Public read/write',
    'share.intro': 'Records owned by a role or group, shared with another role or group.',
    'share.entity': 'Record type',
    'share.source': 'Records owned by',
    'share.target': 'Shared with',
    'share.ruleAccess': 'Access',
    'share.create': 'New sharing rule',
    'share.kind.role': 'Role', 'share.kind.role-and-subordinates': 'Role and subordinates', 'share.kind.group': 'Group',
    'share.level.read': 'Read only', 'share.level.read-write': 'Read/write',
    'log.at': 'When',
    'log.user': 'User',
    'log.outcome': 'Outcome',
    'log.reason': 'Reason',
    'log.address': 'Address',
    'log.success': 'Signed in',
    'log.failure': 'Refused',
    'log.kind': 'What',
    'log.action': 'Change',
    'log.detail': 'Detail',
    'log.target': 'Target',
  },
  'zh-CN': {
    'admin.section.users': '用户',
    'admin.section.roles': '角色层级',
    'admin.section.profiles': '权限配置',
    'admin.section.groups': '用户组',
    'admin.section.org-defaults': '组织默认共享',
    'admin.section.sharing-rules': '共享规则',
    'admin.section.login-events': '登录记录',
    'admin.section.security-changes': '安全审计',
    'sec.new': '新建',
    'sec.edit': '编辑',
    'sec.save': '保存',
    'sec.delete': '删除',
    'sec.cancel': '取消',
    'sec.saved': '已保存。',
    'sec.deleted': '已删除。',
    'sec.name': '名称',
    'sec.description': '描述',
    'sec.none': '暂无。',
    'sec.deleteConfirm': (name) => `删除“${name}”？`,
    'users.intro': '登录系统的人员：角色（能看到他人的哪些记录）、权限配置（能做什么）和用户组。',
    'users.login': '登录名',
    'users.displayName': '姓名',
    'users.email': '邮箱',
    'users.mobile': '手机',
    'users.language': '语言',
    'users.status': '状态',
    'users.role': '角色',
    'users.profiles': '权限配置',
    'users.groups': '用户组',
    'users.password': '初始密码',
    'users.newPassword': '新密码',
    'users.resetPassword': '重置密码',
    'users.resetTitle': (name) => `为 ${name} 设置新密码`,
    'users.reset': '密码已设置，账户已解锁。',
    'users.lock': '锁定',
    'users.unlock': '解锁',
    'users.create': '新建用户',
    'users.editTitle': (name) => `编辑 ${name}`,
    'users.admin': '管理员',
    'users.status.active': '正常',
    'users.status.locked': '已锁定',
    'users.status.inactive': '已停用',
    'users.noRole': '— 无角色 —',
    'roles.intro': '上级角色可以看到下级角色的记录（当组织默认共享使用角色层级时）。',
    'roles.parent': '上级',
    'roles.top': '— 最高层 —',
    'roles.add': '添加角色',
    'profiles.intro': '持有该权限配置的用户对各记录类型能做什么，以及能看到或修改哪些字段。',
    'profiles.rights': '各记录类型的权限',
    'profiles.entity': '记录类型',
    'profiles.any': '所有记录类型（*）',
    'profiles.fields': '字段级安全',
    'profiles.fieldEntity': '字段所属',
    'profiles.field': '字段',
    'profiles.builtIn': '内置',
    'profiles.create': '新建权限配置',
    'profiles.right.view': '查看', 'profiles.right.create': '新建', 'profiles.right.edit': '编辑', 'profiles.right.delete': '删除',
    'profiles.right.export': '导出', 'profiles.right.import': '导入', 'profiles.right.viewAll': '查看全部',
    'profiles.access.editable': '可编辑', 'profiles.access.read-only': '只读', 'profiles.access.hidden': '隐藏',
    'groups.intro': '用户组：组可以拥有记录，组成员可以看到这些记录。',
    'groups.members': '成员',
    'groups.create': '新建用户组',
    'org.intro': '各记录类型的基本可见范围；共享规则和角色层级在此基础上扩大访问。',
    'org.access': '默认访问',
    'org.hierarchy': '通过角色层级授予访问',
    'org.level.private': '私有', 'org.level.public-read': '公开只读', 'org.level.public-read-write': '公开读写',
    'share.intro': '将某角色或用户组拥有的记录共享给另一角色或用户组。',
    'share.entity': '记录类型',
    'share.source': '记录所有者',
    'share.target': '共享给',
    'share.ruleAccess': '访问级别',
    'share.create': '新建共享规则',
    'share.kind.role': '角色', 'share.kind.role-and-subordinates': '角色及下级', 'share.kind.group': '用户组',
    'share.level.read': '只读', 'share.level.read-write': '读写',
    'log.at': '时间',
    'log.user': '用户',
    'log.outcome': '结果',
    'log.reason': '原因',
    'log.address': '地址',
    'log.success': '登录成功',
    'log.failure': '被拒绝',
    'log.kind': '对象',
    'log.action': '变更',
    'log.detail': '详情',
    'log.target': '目标',
  },
});

/** A labelled field of a dialog form. */
function field(id, text, input) {
  return html`<div class="form-row"><label for=${id}>${text}</label>${input}</div>`;
}

function dialogButtons(self, id) {
  return html`<div class="dialog-buttons">
    <button type="button" class="secondary" @click=${() => self.dialog(id).close()}>${self.t('sec.cancel')}</button>
    <button type="submit" id=${`${id}-save`} ?disabled=${self.busy}>${self.t('sec.save')}</button></div>`;
}

function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
}

class UsersAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, users: { state: true }, editing: { state: true }, resetting: { state: true } };

  constructor() {
    super();
    this.users = [];
    this.roles = [];
    this.profiles = [];
    this.groups = [];
    this.editing = null;
    this.resetting = null;
  }

  async load() {
    const [users, roles, profiles, groups] = await Promise.all(['users', 'roles', 'profiles', 'groups'].map((p) => api('GET', `/api/v1/admin/${p}`)));
    this.roles = roles.items || [];
    this.profiles = profiles.items || [];
    this.groups = groups.items || [];
    this.users = users.items || [];
  }

  nameOf(list, id) {
    const found = list.find((x) => x.id === id);
    return found ? found.name : '';
  }

  edit(user) {
    this.editing = user || {};
    this.updateComplete.then(() => {
      this.dialog('user-dialog').querySelector('form').reset();
      this.dialog('user-dialog').showModal();
    });
  }

  async save(event) {
    event.preventDefault();
    const f = event.target;
    const creating = !this.editing.id;
    const body = {
      displayName: f.displayName.value || null,
      email: f.email.value || null,
      mobile: f.mobile.value || null,
      language: f.language.value,
      roleId: f.roleId.value || null,
      profileIds: checkedValues(f, 'profileIds'),
      groupIds: checkedValues(f, 'groupIds'),
    };
    if (creating) {
      body.loginName = f.loginName.value;
      body.password = f.password.value;
      // left out, the API gives the standard profile and no role or group
      for (const key of ['profileIds', 'groupIds']) if (!body[key].length) delete body[key];
      if (!body.roleId) delete body.roleId;
    } else {
      body.status = f.status.value;
      // a PATCH of what changed only: an untouched field is not re-validated or re-audited
      const same = (a, b) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a ?? null) === JSON.stringify(Array.isArray(b) ? [...b].sort() : b ?? null);
      for (const key of Object.keys(body)) if (same(body[key], this.editing[key])) delete body[key];
    }
    const ok = await this.run(() => (creating ? api('POST', '/api/v1/admin/users', body)
      : api('PATCH', `/api/v1/admin/users/${encodeURIComponent(this.editing.id)}`, body)), this.t('sec.saved'));
    if (ok) this.dialog('user-dialog').close();
  }

  askReset(user) {
    this.resetting = user;
    this.updateComplete.then(() => {
      this.dialog('reset-dialog').querySelector('form').reset();
      this.dialog('reset-dialog').showModal();
    });
  }

  async reset(event) {
    event.preventDefault();
    const ok = await this.run(() => api('POST', `/api/v1/admin/users/${encodeURIComponent(this.resetting.id)}/password`,
      { newPassword: event.target.newPassword.value }), this.t('users.reset'));
    if (ok) this.dialog('reset-dialog').close();
  }

  setStatus(user, status) {
    return this.run(() => api('PATCH', `/api/v1/admin/users/${encodeURIComponent(user.id)}`, { status }), this.t('sec.saved'));
  }

  render() {
    const u = this.editing || {};
    const creating = !u.id;
    const tones = { active: 'ok', locked: 'error', inactive: 'off' };
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.users')}</h2><p class="admin-intro">${this.t('users.intro')}</p></div>
        <button type="button" id="user-create" @click=${() => this.edit(null)}>${this.t('users.create')}</button></header>
      ${this.messages()}
      <div class="table-wrap">
        <table class="admin-table" id="users">
          <thead><tr><th scope="col">${this.t('users.displayName')}</th><th scope="col">${this.t('users.login')}</th>
            <th scope="col">${this.t('users.role')}</th><th scope="col">${this.t('users.profiles')}</th><th scope="col">${this.t('users.status')}</th><th scope="col"><span class="visually-hidden">${this.t('sec.edit')}</span></th></tr></thead>
          <tbody>${this.users.map((x) => html`
            <tr data-user=${x.loginName}>
              <td><span class="avatar small" aria-hidden="true">${(x.displayName || x.loginName).slice(0, 1)}</span> ${x.displayName || ''}
                ${x.administrator ? badge(this.t('users.admin'), 'info') : nothing}</td>
              <td><code>${x.loginName}</code>${x.email ? html`<br><span class="muted">${x.email}</span>` : nothing}</td><td>${this.nameOf(this.roles, x.roleId)}</td>
              <td>${(x.profileIds || []).map((id) => this.nameOf(this.profiles, id)).join(', ')}</td>
              <td>${badge(this.t(`users.status.${x.status}`) || x.status, tones[x.status])}</td>
              <td class="actions">
                <button type="button" class="secondary user-edit" @click=${() => this.edit(x)}>${this.t('sec.edit')}</button>
                <button type="button" class="secondary user-reset" @click=${() => this.askReset(x)}>${this.t('users.resetPassword')}</button>
                ${x.status === 'locked'
                  ? html`<button type="button" class="secondary user-unlock" ?disabled=${this.busy} @click=${() => this.setStatus(x, 'active')}>${this.t('users.unlock')}</button>`
                  : html`<button type="button" class="secondary user-lock" ?disabled=${this.busy} @click=${() => this.setStatus(x, 'locked')}>${this.t('users.lock')}</button>`}
              </td>
            </tr>`)}</tbody>
        </table>
      </div>
      <dialog id="user-dialog" class="admin-dialog wide" aria-labelledby="user-dialog-title">
        <form @submit=${this.save}>
          <h2 id="user-dialog-title">${creating ? this.t('users.create') : this.t('users.editTitle', u.displayName || u.loginName)}</h2>
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
          <div class="form-grid">
            ${creating ? field('u-login', this.t('users.login'), html`<input id="u-login" name="loginName" required autocomplete="off">`) : nothing}
            ${creating ? field('u-password', this.t('users.password'), html`<input id="u-password" name="password" type="password" required autocomplete="new-password">`) : nothing}
            ${field('u-name', this.t('users.displayName'), html`<input id="u-name" name="displayName" value=${u.displayName || ''}>`)}
            ${field('u-email', this.t('users.email'), html`<input id="u-email" name="email" type="email" value=${u.email || ''}>`)}
            ${field('u-mobile', this.t('users.mobile'), html`<input id="u-mobile" name="mobile" type="tel" value=${u.mobile || ''}>`)}
            ${field('u-language', this.t('users.language'), html`<select id="u-language" name="language">
              ${[['zh-CN', '中文'], ['en', 'English']].map(([v, n]) => html`<option value=${v} ?selected=${(u.language || 'zh-CN') === v}>${n}</option>`)}</select>`)}
            ${creating ? nothing : field('u-status', this.t('users.status'), html`<select id="u-status" name="status">
              ${['active', 'locked', 'inactive'].map((s) => html`<option value=${s} ?selected=${u.status === s}>${this.t(`users.status.${s}`)}</option>`)}</select>`)}
            ${field('u-role', this.t('users.role'), html`<select id="u-role" name="roleId"><option value="">${this.t('users.noRole')}</option>
              ${this.roles.map((r) => html`<option value=${r.id} ?selected=${u.roleId === r.id}>${r.name}</option>`)}</select>`)}
          </div>
          <fieldset><legend>${this.t('users.profiles')}</legend>
            ${this.profiles.map((p) => html`<label class="check"><input type="checkbox" name="profileIds" value=${p.id} ?checked=${creating ? p.name === 'standard' : (u.profileIds || []).includes(p.id)}> ${p.name}</label>`)}
          </fieldset>
          <fieldset><legend>${this.t('users.groups')}</legend>
            ${this.groups.length ? this.groups.map((g) => html`<label class="check"><input type="checkbox" name="groupIds" value=${g.id} ?checked=${(u.groupIds || []).includes(g.id)}> ${g.name}</label>`) : this.t('sec.none')}
          </fieldset>
          ${dialogButtons(this, 'user-dialog')}
        </form>
      </dialog>
      <dialog id="reset-dialog" class="admin-dialog" aria-labelledby="reset-dialog-title">
        <form @submit=${this.reset}>
          <h2 id="reset-dialog-title">${this.resetting ? this.t('users.resetTitle', this.resetting.displayName || this.resetting.loginName) : ''}</h2>
          ${field('reset-password', this.t('users.newPassword'), html`<input id="reset-password" name="newPassword" type="password" required autocomplete="new-password">`)}
          ${dialogButtons(this, 'reset-dialog')}
        </form>
      </dialog>`;
  }
}
customElements.define('atrium-admin-users', UsersAdmin);

class RolesAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, tree: { state: true }, flat: { state: true } };

  constructor() {
    super();
    this.tree = [];
    this.flat = [];
  }

  async load() {
    const [tree, flat] = await Promise.all([api('GET', '/api/v1/admin/roles?tree=true'), api('GET', '/api/v1/admin/roles')]);
    this.tree = tree.items || [];
    this.flat = flat.items || [];
  }

  async add(event) {
    event.preventDefault();
    const f = event.target;
    const ok = await this.run(() => api('POST', '/api/v1/admin/roles', { name: f.name.value, parentId: f.parentId.value || null }), this.t('sec.saved'));
    if (ok) f.reset();
  }

  deleteItem(role) {
    if (!window.confirm(this.t('sec.deleteConfirm', role.name))) return undefined;
    return this.run(() => api('DELETE', `/api/v1/admin/roles/${encodeURIComponent(role.id)}`), this.t('sec.deleted'));
  }

  branch(nodes) {
    return html`<ul>${nodes.map((r) => html`<li><div class="tree-node" data-role=${r.name}><span class="tree-name">${r.name}</span>
      ${r.description ? html`<span class="muted">${r.description}</span>` : nothing}
      <button type="button" class="link danger-link" aria-label=${`${this.t('sec.delete')} ${r.name}`} @click=${() => this.deleteItem(r)}>${this.t('sec.delete')}</button></div>
      ${r.children && r.children.length ? this.branch(r.children) : nothing}</li>`)}</ul>`;
  }

  render() {
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.roles')}</h2><p class="admin-intro">${this.t('roles.intro')}</p></div></header>
      ${this.messages()}
      <form class="inline-form" @submit=${this.add}>
        ${field('role-name', this.t('sec.name'), html`<input id="role-name" name="name" required>`)}
        ${field('role-parent', this.t('roles.parent'), html`<select id="role-parent" name="parentId"><option value="">${this.t('roles.top')}</option>
          ${this.flat.map((r) => html`<option value=${r.id}>${r.name}</option>`)}</select>`)}
        <button type="submit" id="role-add" ?disabled=${this.busy}>${this.t('roles.add')}</button>
      </form>
      <div class="role-tree" id="role-tree">${this.tree.length ? this.branch(this.tree) : html`<p class="muted">${this.t('sec.none')}</p>`}</div>`;
  }
}
customElements.define('atrium-admin-roles', RolesAdmin);

class ProfilesAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, profiles: { state: true }, selected: { state: true }, fieldEntity: { state: true }, fieldMeta: { state: true } };

  constructor() {
    super();
    this.profiles = [];
    this.selected = null;
    this.fieldEntity = '';
    this.fieldMeta = null;
  }

  async load() {
    this.profiles = (await api('GET', '/api/v1/admin/profiles')).items || [];
    const current = this.selected && this.profiles.find((p) => p.id === this.selected.id);
    this.selected = current || this.profiles[0] || null;
  }

  async pickFieldEntity(name) {
    this.fieldEntity = name;
    this.fieldMeta = name ? await api('GET', `/api/v1/meta/entities/${encodeURIComponent(name)}`) : null;
  }

  rows() {
    const names = (this.entities || []).map((e) => e.name);
    const inRights = Object.keys((this.selected && this.selected.rights) || {});
    return ['*', ...new Set([...names, ...inRights.filter((n) => n !== '*')])];
  }

  async save(event) {
    event.preventDefault();
    const f = event.target;
    const rights = {};
    for (const entity of this.rows()) {
      const granted = RIGHTS.filter((r) => f.querySelector(`input[data-entity="${CSS.escape(entity)}"][data-right=${r}]`)?.checked);
      if (granted.length) rights[entity] = granted;
    }
    const fields = { ...((this.selected && this.selected.fields) || {}) };
    if (this.fieldEntity && this.fieldMeta) {
      const rules = {};
      for (const select of f.querySelectorAll('select[data-field]')) {
        if (select.value !== 'editable') rules[select.dataset.field] = select.value;
      }
      if (Object.keys(rules).length) fields[this.fieldEntity] = rules;
      else delete fields[this.fieldEntity];
    }
    await this.run(() => api('PATCH', `/api/v1/admin/profiles/${encodeURIComponent(this.selected.id)}`,
      { name: f.profileName.value, description: f.profileDescription.value || null, rights, fields }), this.t('sec.saved'));
  }

  async create() {
    const name = window.prompt(this.t('profiles.create'));
    if (!name) return;
    await this.run(async () => {
      const created = await api('POST', '/api/v1/admin/profiles', { name, rights: { '*': ['view'] } });
      this.selected = created;
    }, this.t('sec.saved'));
  }

  render() {
    const l = this.language;
    const p = this.selected;
    const rights = (p && p.rights) || {};
    const fieldRules = (p && p.fields && p.fields[this.fieldEntity]) || {};
    const entityLabel = (name) => {
      const e = (this.entities || []).find((x) => x.name === name);
      return name === '*' ? this.t('profiles.any') : e ? label(e.pluralLabel, l, name) : name;
    };
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.profiles')}</h2><p class="admin-intro">${this.t('profiles.intro')}</p></div>
        <button type="button" id="profile-create" @click=${this.create}>${this.t('profiles.create')}</button></header>
      ${this.messages()}
      <div class="split">
        <ul class="pick-list" role="list">${this.profiles.map((x) => html`<li><button type="button" class=${x === p ? 'picked' : ''} aria-pressed=${x === p ? 'true' : 'false'}
          @click=${() => { this.selected = x; }}>${x.name} ${x.builtIn ? badge(this.t('profiles.builtIn'), 'neutral') : nothing}</button></li>`)}</ul>
        ${p ? html`
          <form class="profile-form" @submit=${this.save}>
            <div class="form-grid">
              ${field('profile-name', this.t('sec.name'), html`<input id="profile-name" name="profileName" value=${p.name}>`)}
              ${field('profile-description', this.t('sec.description'), html`<input id="profile-description" name="profileDescription" value=${p.description || ''}>`)}
            </div>
            <h3 class="admin-subhead">${this.t('profiles.rights')}</h3>
            <div class="table-wrap">
              <table class="admin-table matrix" id="rights-matrix">
                <thead><tr><th scope="col">${this.t('profiles.entity')}</th>${RIGHTS.map((r) => html`<th scope="col">${this.t(`profiles.right.${r}`)}</th>`)}</tr></thead>
                <tbody>${this.rows().map((entity) => html`<tr><th scope="row">${entityLabel(entity)}</th>
                  ${RIGHTS.map((r) => html`<td><input type="checkbox" data-entity=${entity} data-right=${r} ?checked=${(rights[entity] || []).includes(r)}
                    aria-label=${`${entityLabel(entity)}: ${this.t(`profiles.right.${r}`)}`}></td>`)}</tr>`)}</tbody>
              </table>
            </div>
            <h3 class="admin-subhead">${this.t('profiles.fields')}</h3>
            <label class="inline-field" for="fls-entity">${this.t('profiles.fieldEntity')}
              <select id="fls-entity" @change=${(e) => this.pickFieldEntity(e.target.value)}><option value="">—</option>
                ${(this.entities || []).map((e) => html`<option value=${e.name} ?selected=${e.name === this.fieldEntity}>${label(e.pluralLabel, l, e.name)}</option>`)}</select></label>
            ${this.fieldMeta ? html`<div class="table-wrap"><table class="admin-table" id="field-security">
              <thead><tr><th scope="col">${this.t('profiles.field')}</th><th scope="col">${this.t('profiles.entity')}</th></tr></thead>
              <tbody>${(this.fieldMeta.fields || []).filter((fm) => fm.name !== 'id').map((fm) => html`<tr><td><label for=${`fls-${fm.name}`}>${label(fm.label, l, fm.name)}</label></td>
                <td><select id=${`fls-${fm.name}`} data-field=${fm.name}>${FIELD_ACCESS.map((a) => html`<option value=${a} ?selected=${(fieldRules[fm.name] || 'editable') === a}>${this.t(`profiles.access.${a}`)}</option>`)}</select></td></tr>`)}</tbody>
            </table></div>` : nothing}
            <div class="form-actions"><button type="submit" id="profile-save" ?disabled=${this.busy}>${this.t('sec.save')}</button></div>
          </form>` : nothing}
      </div>`;
  }
}
customElements.define('atrium-admin-profiles', ProfilesAdmin);

class GroupsAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, groups: { state: true }, editing: { state: true } };

  constructor() {
    super();
    this.groups = [];
    this.users = [];
    this.editing = null;
  }

  async load() {
    const [groups, users] = await Promise.all([api('GET', '/api/v1/admin/groups'), api('GET', '/api/v1/admin/users')]);
    this.users = users.items || [];
    this.groups = groups.items || [];
  }

  userName(id) {
    const u = this.users.find((x) => x.id === id);
    return u ? u.displayName || u.loginName : id;
  }

  edit(group) {
    this.editing = group || {};
    this.updateComplete.then(() => {
      this.dialog('group-dialog').querySelector('form').reset();
      this.dialog('group-dialog').showModal();
    });
  }

  async save(event) {
    event.preventDefault();
    const f = event.target;
    const body = { name: f.name.value, description: f.description.value || null, members: checkedValues(f, 'members') };
    const ok = await this.run(() => (this.editing.id ? api('PATCH', `/api/v1/admin/groups/${encodeURIComponent(this.editing.id)}`, body)
      : api('POST', '/api/v1/admin/groups', body)), this.t('sec.saved'));
    if (ok) this.dialog('group-dialog').close();
  }

  deleteItem(g) {
    if (!window.confirm(this.t('sec.deleteConfirm', g.name))) return undefined;
    return this.run(() => api('DELETE', `/api/v1/admin/groups/${encodeURIComponent(g.id)}`), this.t('sec.deleted'));
  }

  render() {
    const g = this.editing || {};
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.groups')}</h2><p class="admin-intro">${this.t('groups.intro')}</p></div>
        <button type="button" id="group-create" @click=${() => this.edit(null)}>${this.t('groups.create')}</button></header>
      ${this.messages()}
      <div class="table-wrap"><table class="admin-table" id="groups">
        <thead><tr><th scope="col">${this.t('sec.name')}</th><th scope="col">${this.t('sec.description')}</th><th scope="col">${this.t('groups.members')}</th><th scope="col"><span class="visually-hidden">${this.t('sec.edit')}</span></th></tr></thead>
        <tbody>
          ${this.loaded && !this.groups.length ? html`<tr><td colspan="4">${this.t('sec.none')}</td></tr>` : nothing}
          ${this.groups.map((x) => html`<tr><td>${x.name}</td><td>${x.description || ''}</td><td>${(x.members || []).map((m) => html`<span class="chip">${this.userName(m)}</span>`)}</td>
          <td class="actions"><button type="button" class="secondary" @click=${() => this.edit(x)}>${this.t('sec.edit')}</button>
            <button type="button" class="danger" @click=${() => this.deleteItem(x)}>${this.t('sec.delete')}</button></td></tr>`)}
        </tbody></table></div>
      <dialog id="group-dialog" class="admin-dialog" aria-labelledby="group-dialog-title">
        <form @submit=${this.save}>
          <h2 id="group-dialog-title">${g.id ? g.name : this.t('groups.create')}</h2>
          ${field('group-name', this.t('sec.name'), html`<input id="group-name" name="name" required value=${g.name || ''}>`)}
          ${field('group-description', this.t('sec.description'), html`<input id="group-description" name="description" value=${g.description || ''}>`)}
          <fieldset><legend>${this.t('groups.members')}</legend>${this.users.map((u) => html`<label class="check"><input type="checkbox" name="members" value=${u.id}
            ?checked=${(g.members || []).includes(u.id)}> ${u.displayName || u.loginName}</label>`)}</fieldset>
          ${dialogButtons(this, 'group-dialog')}
        </form>
      </dialog>`;
  }
}
customElements.define('atrium-admin-groups', GroupsAdmin);

class OrgDefaultsAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, defaults: { state: true } };

  constructor() {
    super();
    this.defaults = [];
  }

  async load() {
    this.defaults = (await api('GET', '/api/v1/admin/org-defaults')).items || [];
  }

  save(d, row) {
    const access = row.querySelector('select').value;
    const useHierarchy = row.querySelector('input[type=checkbox]').checked;
    return this.run(() => api('PUT', `/api/v1/admin/org-defaults/${encodeURIComponent(d.entity)}`, { access, useHierarchy }), this.t('sec.saved'));
  }

  render() {
    const l = this.language;
    const entityLabel = (name) => {
      const e = (this.entities || []).find((x) => x.name === name);
      return e ? label(e.pluralLabel, l, name) : name;
    };
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.org-defaults')}</h2><p class="admin-intro">${this.t('org.intro')}</p></div></header>
      ${this.messages()}
      <div class="table-wrap"><table class="admin-table" id="org-defaults">
        <thead><tr><th scope="col">${this.t('share.entity')}</th><th scope="col">${this.t('org.access')}</th><th scope="col">${this.t('org.hierarchy')}</th><th scope="col">${this.t('log.at')}</th></tr></thead>
        <tbody>${this.defaults.map((d) => html`<tr data-entity=${d.entity} @change=${(e) => this.save(d, e.currentTarget)}>
          <th scope="row">${entityLabel(d.entity)}</th>
          <td><select aria-label=${`${entityLabel(d.entity)}: ${this.t('org.access')}`} ?disabled=${this.busy}>${ORG_LEVELS.map((v) => html`<option value=${v} ?selected=${d.access === v}>${this.t(`org.level.${v}`)}</option>`)}</select></td>
          <td><input type="checkbox" aria-label=${`${entityLabel(d.entity)}: ${this.t('org.hierarchy')}`} .checked=${d.useHierarchy} ?disabled=${this.busy}></td>
          <td class="muted">${when(d.modifiedAt, l)}</td></tr>`)}</tbody>
      </table></div>`;
  }
}
customElements.define('atrium-admin-org-defaults', OrgDefaultsAdmin);

class SharingRulesAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, rules: { state: true }, sourceKind: { state: true }, targetKind: { state: true } };

  constructor() {
    super();
    this.rules = [];
    this.roles = [];
    this.groups = [];
    this.sourceKind = 'role';
    this.targetKind = 'role';
  }

  async load() {
    const [rules, roles, groups] = await Promise.all(['sharing-rules', 'roles', 'groups'].map((p) => api('GET', `/api/v1/admin/${p}`)));
    this.roles = roles.items || [];
    this.groups = groups.items || [];
    this.rules = rules.items || [];
  }

  principals(kind) {
    return kind === 'group' ? this.groups : this.roles;
  }

  principalName(kind, id) {
    const found = this.principals(kind).find((x) => x.id === id);
    return found ? found.name : id;
  }

  async add(event) {
    event.preventDefault();
    const f = event.target;
    const body = { name: f.name.value, entity: f.entity.value, sourceKind: f.sourceKind.value, sourceId: f.sourceId.value,
      targetKind: f.targetKind.value, targetId: f.targetId.value, access: f.access.value };
    const ok = await this.run(() => api('POST', '/api/v1/admin/sharing-rules', body), this.t('sec.saved'));
    if (ok) f.reset();
  }

  deleteItem(r) {
    if (!window.confirm(this.t('sec.deleteConfirm', r.name))) return undefined;
    return this.run(() => api('DELETE', `/api/v1/admin/sharing-rules/${encodeURIComponent(r.id)}`), this.t('sec.deleted'));
  }

  render() {
    const l = this.language;
    const kindSelect = (id, name, value, set) => html`<select id=${id} name=${name} @change=${(e) => set(e.target.value)}>
      ${KINDS.map((k) => html`<option value=${k} ?selected=${k === value}>${this.t(`share.kind.${k}`)}</option>`)}</select>`;
    const principalSelect = (id, name, kind) => html`<select id=${id} name=${name} required>${this.principals(kind).map((x) => html`<option value=${x.id}>${x.name}</option>`)}</select>`;
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.sharing-rules')}</h2><p class="admin-intro">${this.t('share.intro')}</p></div></header>
      ${this.messages()}
      <form class="inline-form wrap" @submit=${this.add}>
        ${field('rule-name', this.t('sec.name'), html`<input id="rule-name" name="name" required>`)}
        ${field('rule-entity', this.t('share.entity'), html`<select id="rule-entity" name="entity">${(this.entities || []).map((e) => html`<option value=${e.name}>${label(e.pluralLabel, l, e.name)}</option>`)}</select>`)}
        ${field('rule-source-kind', this.t('share.source'), kindSelect('rule-source-kind', 'sourceKind', this.sourceKind, (v) => { this.sourceKind = v; }))}
        ${field('rule-source', this.t('share.source'), principalSelect('rule-source', 'sourceId', this.sourceKind))}
        ${field('rule-target-kind', this.t('share.target'), kindSelect('rule-target-kind', 'targetKind', this.targetKind, (v) => { this.targetKind = v; }))}
        ${field('rule-target', this.t('share.target'), principalSelect('rule-target', 'targetId', this.targetKind))}
        ${field('rule-access', this.t('share.ruleAccess'), html`<select id="rule-access" name="access">${['read', 'read-write'].map((a) => html`<option value=${a}>${this.t(`share.level.${a}`)}</option>`)}</select>`)}
        <button type="submit" ?disabled=${this.busy}>${this.t('share.create')}</button>
      </form>
      <div class="table-wrap"><table class="admin-table" id="sharing-rules">
        <thead><tr><th scope="col">${this.t('sec.name')}</th><th scope="col">${this.t('share.entity')}</th><th scope="col">${this.t('share.source')}</th>
          <th scope="col">${this.t('share.target')}</th><th scope="col">${this.t('share.ruleAccess')}</th><th scope="col"><span class="visually-hidden">${this.t('sec.delete')}</span></th></tr></thead>
        <tbody>
          ${this.loaded && !this.rules.length ? html`<tr><td colspan="6">${this.t('sec.none')}</td></tr>` : nothing}
          ${this.rules.map((r) => html`<tr><td>${r.name}</td><td>${r.entity}</td>
          <td>${this.t(`share.kind.${r.sourceKind}`)}: ${this.principalName(r.sourceKind, r.sourceId)}</td>
          <td>${this.t(`share.kind.${r.targetKind}`)}: ${this.principalName(r.targetKind, r.targetId)}</td>
          <td>${this.t(`share.level.${r.access}`)}</td>
          <td><button type="button" class="danger" @click=${() => this.deleteItem(r)}>${this.t('sec.delete')}</button></td></tr>`)}
        </tbody></table></div>`;
  }
}
customElements.define('atrium-admin-sharing-rules', SharingRulesAdmin);

class LoginEventsAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, events: { state: true } };

  constructor() {
    super();
    this.events = [];
  }

  async load() {
    this.events = (await api('GET', '/api/v1/admin/login-events')).items || [];
  }

  render() {
    const l = this.language;
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.login-events')}</h2></div></header>
      ${this.messages()}
      <div class="table-wrap"><table class="admin-table" id="login-events">
        <thead><tr><th scope="col">${this.t('log.at')}</th><th scope="col">${this.t('log.user')}</th><th scope="col">${this.t('log.outcome')}</th>
          <th scope="col">${this.t('log.reason')}</th><th scope="col">${this.t('log.address')}</th></tr></thead>
        <tbody>${this.loaded && !this.events.length ? html`<tr><td colspan="5">${this.t('sec.none')}</td></tr>` : nothing}
          ${this.events.map((e) => html`<tr><td>${when(e.at, l)}</td><td>${e.loginName}</td>
          <td>${e.success ? badge(this.t('log.success'), 'ok') : badge(this.t('log.failure'), 'error')}</td><td>${e.reason || ''}</td><td><code>${e.sourceAddress || ''}</code></td></tr>`)}</tbody>
      </table></div>`;
  }
}
customElements.define('atrium-admin-login-events', LoginEventsAdmin);

class SecurityChangesAdmin extends AdminElement {
  static properties = { ...AdminElement.properties, changes: { state: true } };

  constructor() {
    super();
    this.changes = [];
  }

  async load() {
    this.changes = (await api('GET', '/api/v1/admin/security-changes')).items || [];
  }

  render() {
    const l = this.language;
    return html`
      <header class="admin-head"><div><h2>${this.t('admin.section.security-changes')}</h2></div></header>
      ${this.messages()}
      <div class="table-wrap"><table class="admin-table" id="security-changes">
        <thead><tr><th scope="col">${this.t('log.at')}</th><th scope="col">${this.t('log.user')}</th><th scope="col">${this.t('log.kind')}</th>
          <th scope="col">${this.t('log.action')}</th><th scope="col">${this.t('log.target')}</th><th scope="col">${this.t('log.detail')}</th></tr></thead>
        <tbody>${this.loaded && !this.changes.length ? html`<tr><td colspan="6">${this.t('sec.none')}</td></tr>` : nothing}
          ${this.changes.map((c) => html`<tr><td>${when(c.at, l)}</td><td>${c.loginName || ''}</td><td>${c.kind}</td><td>${c.action}</td>
          <td><code class="muted">${c.targetId || ''}</code></td><td class="detail">${c.detail || ''}</td></tr>`)}</tbody>
      </table></div>`;
  }
}
customElements.define('atrium-admin-security-changes', SecurityChangesAdmin);

adminSection('users', 'security', ({ language }) => html`<atrium-admin-users .language=${language}></atrium-admin-users>`);
adminSection('roles', 'security', ({ language }) => html`<atrium-admin-roles .language=${language}></atrium-admin-roles>`);
adminSection('profiles', 'security', ({ language, entities }) => html`<atrium-admin-profiles .language=${language} .entities=${entities}></atrium-admin-profiles>`);
adminSection('groups', 'security', ({ language }) => html`<atrium-admin-groups .language=${language}></atrium-admin-groups>`);
adminSection('org-defaults', 'security', ({ language, entities }) => html`<atrium-admin-org-defaults .language=${language} .entities=${entities}></atrium-admin-org-defaults>`);
adminSection('sharing-rules', 'security', ({ language, entities }) => html`<atrium-admin-sharing-rules .language=${language} .entities=${entities}></atrium-admin-sharing-rules>`);
adminSection('login-events', 'security', ({ language }) => html`<atrium-admin-login-events .language=${language}></atrium-admin-login-events>`);
adminSection('security-changes', 'security', ({ language }) => html`<atrium-admin-security-changes .language=${language}></atrium-admin-security-changes>`);
