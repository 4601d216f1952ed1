import { html, nothing } from 'lit';
import { addWords, t } from './i18n.js';
import { registerView } from './views.js';
import { adminSections, GROUPS } from './admin-kit.js';
import './admin-platform.js';
import './admin-security.js';
import './admin-records.js';

addWords({
  en: {
    'admin.title': 'Administration',
    'admin.sections': 'Administration sections',
    'admin.refused': 'Administration is for administrators. Your account is not one.',
    'admin.group.platform': 'Platform',
    'admin.group.security': 'Users & security',
    'admin.group.messaging': 'Mail & SMS',
    'admin.group.sales': 'Sales',
    'admin.group.data': 'Data',
  },
  'zh-CN': {
    'admin.title': '系统管理',
    'admin.sections': '管理功能',
    'admin.refused': '系统管理仅供管理员使用，您的账户不是管理员。',
    'admin.group.platform': '平台',
    'admin.group.security': '用户与安全',
    'admin.group.messaging': '邮件与短信',
    'admin.group.sales': '销售',
    'admin.group.data': '数据',
  },
});

/**
 * #/admin/<section>: the administration console, for administrators only (the API refuses everyone else with 403
 * anyway; the page says so instead of showing errors). A navigation of the sections by group, then the section.
 */
registerView('admin', ({ route, language, entities, user, app }) => {
  const l = language;
  if (!user || !user.administrator) {
    return html`<section class="admin-refused" id="admin-refused"><h1>${t(l, 'admin.title')}</h1><p class="error" role="alert">${t(l, 'admin.refused')}</p></section>`;
  }
  const all = adminSections();
  const current = all.find((s) => s.id === route.section) || all[0];
  return html`
    <div class="admin" data-section=${current.id}>
      <nav class="admin-nav" aria-label=${t(l, 'admin.sections')}>
        <h1>${t(l, 'admin.title')}</h1>
        ${GROUPS.map((g) => {
          const inGroup = all.filter((s) => s.group === g);
          return inGroup.length ? html`
            <h2>${t(l, `admin.group.${g}`)}</h2>
            <ul>${inGroup.map((s) => html`<li><a id=${`admin-nav-${s.id}`} href=${`#/admin/${s.id}`}
              aria-current=${s.id === current.id ? 'page' : 'false'}>${t(l, `admin.section.${s.id}`)}</a></li>`)}</ul>` : nothing;
        })}
      </nav>
      <div class="admin-section" id=${`admin-${current.id}`}>${current.render({ language: l, entities, user, app })}</div>
    </div>`;
});
