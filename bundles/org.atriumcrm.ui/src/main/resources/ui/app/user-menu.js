import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { addWords, t } from './i18n.js';

addWords({
  en: {
    'me.menu': 'Account menu',
    'me.changePassword': 'Change password',
    'me.currentPassword': 'Current password',
    'me.newPassword': 'New password',
    'me.repeatPassword': 'New password again',
    'me.mismatch': 'The two new passwords differ.',
    'me.changed': 'Your password was changed. Your other sessions were ended.',
    'me.save': 'Change password',
    'me.cancel': 'Close',
  },
  'zh-CN': {
    'me.menu': '账户菜单',
    'me.changePassword': '修改密码',
    'me.currentPassword': '当前密码',
    'me.newPassword': '新密码',
    'me.repeatPassword': '再次输入新密码',
    'me.mismatch': '两次输入的新密码不一致。',
    'me.changed': '密码已修改，您的其他会话已结束。',
    'me.save': '修改密码',
    'me.cancel': '关闭',
  },
});

/**
 * The signed-in user's menu in the top bar: their name opens it; it holds the password change (a modal dialog,
 * POST /api/v1/me/password) and the logout.
 */
class UserMenu extends LitElement {
  static properties = {
    user: { attribute: false },
    language: { attribute: false },
    app: { attribute: false },
    open: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.open = false;
    this.error = '';
    this.done = false;
    this.busy = false;
    this.closeOnOutside = (e) => {
      if (this.open && !this.contains(e.target)) this.open = false;
    };
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('click', this.closeOnOutside);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('click', this.closeOnOutside);
  }

  toggle() {
    this.open = !this.open;
    if (this.open) this.updateComplete.then(() => this.querySelector('.user-menu-items button')?.focus());
  }

  keydown(event) {
    if (event.key === 'Escape' && this.open) {
      this.open = false;
      this.querySelector('#user-name')?.focus();
    }
  }

  showPasswordDialog() {
    this.open = false;
    this.error = '';
    this.done = false;
    const dialog = this.querySelector('#password-dialog');
    dialog.querySelector('form').reset();
    dialog.showModal();
  }

  async changePassword(event) {
    event.preventDefault();
    const form = event.target;
    this.error = '';
    this.done = false;
    if (form.newPassword.value !== form.repeatPassword.value) {
      this.error = t(this.language, 'me.mismatch');
      return;
    }
    this.busy = true;
    try {
      await api('POST', '/api/v1/me/password', { currentPassword: form.currentPassword.value, newPassword: form.newPassword.value });
      form.reset();
      this.done = true;
    } catch (e) {
      const fields = (e.problem && e.problem.errors) || [];
      this.error = fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join('; ') : e.message;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const l = this.language;
    const user = this.user || {};
    return html`
      <div class="user-menu" @keydown=${this.keydown}>
        <button type="button" id="user-name" class="user-menu-button" aria-haspopup="true" aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="user-menu-items" title=${t(l, 'me.menu')} @click=${this.toggle}>
          <span class="avatar" aria-hidden="true">${(user.displayName || user.loginName || '?').slice(0, 1)}</span>
          <span class="user-menu-name">${user.displayName || user.loginName || ''}</span> <span aria-hidden="true">▾</span>
        </button>
        <div class="user-menu-items" id="user-menu-items" ?hidden=${!this.open}>
          <p class="user-menu-login">${user.loginName || ''}</p>
          <button type="button" id="change-password" @click=${this.showPasswordDialog}>${t(l, 'me.changePassword')}</button>
          <button type="button" id="logout" @click=${() => this.app.logout()}>${t(l, 'logout')}</button>
        </div>
      </div>
      <dialog id="password-dialog" class="admin-dialog" aria-labelledby="password-dialog-title">
        <form @submit=${this.changePassword}>
          <h2 id="password-dialog-title">${t(l, 'me.changePassword')}</h2>
          <label for="currentPassword">${t(l, 'me.currentPassword')}</label>
          <input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required>
          <label for="newPassword">${t(l, 'me.newPassword')}</label>
          <input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required>
          <label for="repeatPassword">${t(l, 'me.repeatPassword')}</label>
          <input id="repeatPassword" name="repeatPassword" type="password" autocomplete="new-password" required>
          ${this.error ? html`<p class="error" role="alert" id="password-error">${this.error}</p>` : nothing}
          ${this.done ? html`<p class="ok" role="status" id="password-changed">${t(l, 'me.changed')}</p>` : nothing}
          <div class="dialog-buttons">
            <button type="button" class="secondary" @click=${() => this.querySelector('#password-dialog').close()}>${t(l, 'me.cancel')}</button>
            <button type="submit" id="password-save" ?disabled=${this.busy}>${t(l, 'me.save')}</button>
          </div>
        </form>
      </dialog>`;
  }
}

customElements.define('atrium-user-menu', UserMenu);
