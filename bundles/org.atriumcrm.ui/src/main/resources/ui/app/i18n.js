// The UI's own words in both languages; everything about records (entity and field labels, picklist values)
// comes from the metadata's label maps.

const WORDS = {
  en: {
    appName: 'Atrium CRM',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    loginName: 'Login name',
    password: 'Password',
    firstStartTitle: 'First start',
    firstStart: 'The first start creates the administrator “admin”. Its password is the one given in ATRIUM_ADMIN_PASSWORD when Atrium was first started; otherwise a random password was generated: it is in the file .atrium/karaf/data/initial-admin-password and was written once to the Karaf console and log (.atrium/karaf/data/log/karaf.log).',
    logout: 'Log out',
    language: 'Language',
    menu: 'Record types',
    search: 'Search',
    searchPlaceholder: 'Quick search',
    previous: 'Previous',
    next: 'Next',
    rows: (from, to, total, exact) => `${from}–${to} of ${exact ? '' : 'more than '}${total}`,
    noRows: 'Nothing to show',
    loading: 'Loading…',
    'admin.menu': 'Administration',
    sortBy: 'Sort by',
    notFound: 'This record type does not exist or is not enabled.',
    sessionMissing: 'The server does not offer browser sessions (POST /api/v1/session) yet.',
  },
  'zh-CN': {
    appName: 'Atrium CRM',
    signIn: '登录',
    signingIn: '正在登录…',
    loginName: '登录名',
    password: '密码',
    firstStartTitle: '首次启动',
    firstStart: '首次启动时会创建管理员“admin”。其密码为首次启动时环境变量 ATRIUM_ADMIN_PASSWORD 的值；若未设置，则生成随机密码：保存在文件 .atrium/karaf/data/initial-admin-password 中，并在 Karaf 控制台和日志（.atrium/karaf/data/log/karaf.log）中输出一次。',
    logout: '退出',
    language: '语言',
    menu: '记录类型',
    search: '搜索',
    searchPlaceholder: '快速搜索',
    previous: '上一页',
    next: '下一页',
    rows: (from, to, total, exact) => `第 ${from}–${to} 条，共 ${exact ? '' : '超过 '}${total} 条`,
    noRows: '没有记录',
    loading: '加载中…',
    'admin.menu': '系统管理',
    sortBy: '排序',
    notFound: '该记录类型不存在或未启用。',
    sessionMissing: '服务器尚未提供浏览器会话（POST /api/v1/session）。',
  },
};

/** A screen's own words, added when its module loads: {en: {...}, 'zh-CN': {...}}; a key may not be taken twice. */
export function addWords(words) {
  for (const [language, entries] of Object.entries(words)) {
    const into = WORDS[language] || (WORDS[language] = {});
    for (const [key, word] of Object.entries(entries)) {
      if (key in into) throw new Error(`i18n key ${key} defined twice`);
      into[key] = word;
    }
  }
}

export const LANGUAGES = [['zh-CN', '中文'], ['en', 'English']];

export function pickLanguage(preferred) {
  const stored = localStorage.getItem('atrium.language');
  if (stored && WORDS[stored]) return stored;
  if (preferred && WORDS[preferred]) return preferred;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function rememberLanguage(language) {
  localStorage.setItem('atrium.language', language);
}

export function t(language, key, ...args) {
  const word = (WORDS[language] || WORDS.en)[key];
  return typeof word === 'function' ? word(...args) : word;
}

/** A metadata label map ({"en": …, "zh-CN": …}) in the language, falling back to the other one. */
export function label(map, language, fallback = '') {
  if (!map) return fallback;
  return map[language] || map.en || map['zh-CN'] || fallback;
}
