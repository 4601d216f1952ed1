// What the record page and the forms share: metadata of a type as the caller sees it, a record's display name,
// values formatted per locale (dates, money with its currency), the fields grouped into sections, and the
// names of referenced records. Every value is returned as a string and bound as text by the screens.

import { api } from './api.js';
import { addWords, label, t } from './i18n.js';

addWords({
  en: {
    'record.new': 'New',
    'record.edit': 'Edit',
    'record.save': 'Save',
    'record.cancel': 'Cancel',
    'record.close': 'Close',
    'record.yes': 'Yes',
    'record.no': 'No',
    'record.me': 'Me',
    'record.section.main': 'Details',
    'record.section.address': (name) => name ? `${name} address` : 'Address',
    'record.section.more': 'Description',
    'record.section.system': 'System information',
  },
  'zh-CN': {
    'record.new': '新建',
    'record.edit': '编辑',
    'record.save': '保存',
    'record.cancel': '取消',
    'record.close': '关闭',
    'record.yes': '是',
    'record.no': '否',
    'record.me': '我',
    'record.section.main': '基本信息',
    'record.section.address': (name) => name ? `${name}地址` : '地址',
    'record.section.more': '描述信息',
    'record.section.system': '系统信息',
  },
});

/** Actions the record page draws itself, or that are steps of its own dialogs: not transitions. */
export const OWN_ACTIONS = new Set(['convert', 'duplicate-check', 'advance', 'close-won', 'close-lost', 'complete-actions', 'print', 'send-document']);

/**
 * Whether a type's metadata declares transitions (record-transitions.js draws them): the page imports that module
 * only then, as most record types (accounts, contacts, leads) have none.
 */
export function declaresTransitions(meta) {
  return (meta.actionDetails || []).some((a) => a.declared && !OWN_ACTIONS.has(a.name) && (a.answer === 'record' || a.answer === 'pdf'));
}

export const SYSTEM_FIELDS = new Set(['id', 'ownerId', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy', 'version']);
const ADDRESS_PARTS = ['Country', 'Province', 'City', 'District', 'Street', 'Postcode'];

const metaCache = new Map();

/** The metadata of a type as the caller sees it (hidden fields absent), fetched once per page load and type. */
export function loadMeta(name) {
  if (!metaCache.has(name)) {
    const answer = api('GET', `/api/v1/meta/entities/${encodeURIComponent(name)}`);
    answer.catch(() => metaCache.delete(name));
    metaCache.set(name, answer);
  }
  return metaCache.get(name);
}

/** How people call a record: its name, a contact's full name (family name first), an email's subject… */
export function displayName(record) {
  if (!record) return '';
  // a document line is called by its product (an order line a delivery note refers to), a warehouse by its name, else its code
  for (const key of ['name', 'fullName', 'subject', 'title', 'number', 'loginName', 'productName', 'code']) {
    if (typeof record[key] === 'string' && record[key].trim()) return record[key];
  }
  // family name first, as Chinese names are written; no space between two Chinese parts
  const parts = [record.lastName, record.firstName].filter((p) => p);
  if (parts.length) return parts.every((p) => /^[\u3400-\u9fff]+$/.test(p)) ? parts.join('') : parts.join(' ');
  return record.id || '';
}

export function isMoney(field) {
  return field.type === 'decimal' && /amount|revenue|price|value|budget|cost/i.test(field.name);
}

function locale(language) {
  return language === 'zh-CN' ? 'zh-CN' : 'en-GB';
}

export function formatMoney(value, currency, language) {
  const number = Number(value);
  if (!Number.isFinite(number)) return String(value);
  try {
    return new Intl.NumberFormat(locale(language), { style: 'currency', currency: currency || 'CNY', currencyDisplay: 'narrowSymbol' }).format(number);
  } catch (e) {
    return `${currency || ''} ${number.toLocaleString(locale(language))}`.trim();
  }
}

/** A value as text in the language: picklist labels, yes/no, dates and money per locale. */
export function formatValue(field, value, record, language) {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'picklist': {
      const option = (field.picklist || []).find((p) => p.value === value);
      return option ? label(option.label, language, value) : String(value);
    }
    case 'boolean':
      return value ? t(language, 'record.yes') : t(language, 'record.no');
    case 'date': {
      const d = new Date(`${value}T00:00:00Z`);
      return isNaN(d) ? String(value) : new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
    }
    case 'datetime': {
      const d = new Date(value);
      return isNaN(d) ? String(value) : new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
    }
    case 'decimal':
      if (isMoney(field)) return formatMoney(value, record && record.currency, language);
      return Number.isFinite(Number(value)) ? Number(value).toLocaleString(locale(language)) : String(value);
    case 'integer':
      return Number(value).toLocaleString(locale(language));
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * The fields in sections: the main fields, each address (fields named <prefix>Country … <prefix>Postcode, or the
 * plain country … postcode), long texts, and the system fields last. [{key, title, fields}]
 */
export function sections(meta, language) {
  const fields = meta.fields || [];
  const main = [];
  const addresses = new Map();
  const more = [];
  const system = [];
  for (const f of fields) {
    const part = ADDRESS_PARTS.find((p) => f.name === p.toLowerCase() || f.name.endsWith(p));
    const prefix = part ? f.name.slice(0, f.name.length - part.length) : null;
    if (SYSTEM_FIELDS.has(f.name)) system.push(f);
    else if (part && (prefix === '' || /^[a-z]+$/.test(prefix))) {
      if (!addresses.has(prefix)) addresses.set(prefix, []);
      addresses.get(prefix).push(f);
    } else if (f.type === 'text') more.push(f);
    else main.push(f);
  }
  const result = [{ key: 'main', title: t(language, 'record.section.main'), fields: main }];
  for (const [prefix, list] of addresses) {
    if (list.length < 2) {
      main.push(...list); // a lone "city" field is no address block
      continue;
    }
    // the address's name from its first field's label: "Billing country" → "Billing", "账单国家" → "账单"
    const first = label(list[0].label, language, '');
    const name = prefix ? first.replace(/\s*(country|国家|省份|省).*$/i, '') : '';
    result.push({ key: `address-${prefix || 'main'}`, title: t(language, 'record.section.address', name), fields: list });
  }
  if (more.length) result.push({ key: 'more', title: t(language, 'record.section.more'), fields: more });
  if (system.length) result.push({ key: 'system', title: t(language, 'record.section.system'), fields: system });
  return result.filter((s) => s.fields.length);
}

export function entityByName(entities, name) {
  return (entities || []).find((e) => e.name === name);
}

const names = new Map();

/** The display name of a referenced record (cached); its id when the caller may not see it. */
export function referenceName(entities, entityName, id) {
  const key = `${entityName}/${id}`;
  if (!names.has(key)) {
    const type = entityByName(entities, entityName);
    names.set(key, type
      ? api('GET', `${type.href}/${encodeURIComponent(id)}`).then(displayName).catch(() => id)
      : Promise.resolve(id));
  }
  return names.get(key);
}

/**
 * The names behind the reference fields' ids of some records (a page of a list, a related list): one list request per
 * referenced type (`id in (…)`) for all of them, as a Map id → name; ids the caller may not see stay out of it.
 */
export async function referenceNames(entities, fields, items, known = new Map()) {
  const wanted = new Map();
  for (const f of fields || []) {
    if (f.type !== 'reference' || !f.referenceTo) continue;
    const type = entityByName(entities || [], f.referenceTo);
    if (!type) continue;
    const ids = wanted.get(type) || new Set();
    (items || []).forEach((row) => { if (row[f.name] && !known.has(row[f.name])) ids.add(row[f.name]); });
    if (ids.size) wanted.set(type, ids);
  }
  const found = new Map();
  for (const [type, ids] of wanted) {
    const list = [...ids].map((id) => `'${String(id).replace(/'/g, "''")}'`).join(', ');
    try {
      const answer = await api('GET', `${type.href}?${new URLSearchParams({ filter: `id in (${list})`, limit: String(ids.size), total: 'none' })}`);
      (answer.items || []).forEach((r) => { found.set(r.id, displayName(r)); rememberName(type.name, r.id, displayName(r)); });
    } catch (e) {
      // a type the caller may not list: its ids stay as they are
    }
  }
  return found;
}

let directory = null;
let directoryAt = 0;

/**
 * The colleagues and groups who can own records ({@code GET /api/v1/directory}: id, kind, name, active), for the
 * names behind owner ids and the choices of a transfer or a share; fetched at most once a minute.
 */
export function loadDirectory() {
  if (!directory || Date.now() - directoryAt > 60000) {
    directoryAt = Date.now();
    directory = api('GET', '/api/v1/directory?limit=500').then((answer) => answer.items || []).catch(() => {
      directory = null;
      return [];
    });
  }
  return directory;
}

/** Remembers a name just seen (a type-ahead choice, a saved record), so it is not fetched again. */
export function rememberName(entityName, id, name) {
  names.set(`${entityName}/${id}`, Promise.resolve(name));
}

/** A problem answer in one sentence for a banner. */
export function problemText(error) {
  return (error && error.problem && (error.problem.detail || error.problem.title)) || (error && error.message) || String(error);
}

/** errors[] of a problem+json answer by field name. */
export function fieldErrors(error) {
  const map = {};
  for (const e of (error && error.problem && error.problem.errors) || []) {
    if (!e || !e.field) continue;
    map[e.field] = map[e.field] ? `${map[e.field]}; ${e.message}` : e.message;
  }
  return map;
}
