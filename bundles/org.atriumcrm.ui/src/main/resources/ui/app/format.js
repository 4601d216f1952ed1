// Money and date formats per locale: what every screen needs, without Chart.js (charts.js adds that for the screens
// that draw charts, so that a first load does not carry a 200 KB charting library it does not show).

/** An amount in its currency (CNY when none), per locale, with the plain ¥ sign in both languages. */
export function money(amount, currency, language, compact) {
  if (amount === null || amount === undefined || amount === '') return '';
  const n = Number(amount);
  if (Number.isNaN(n)) return String(amount);
  const options = { style: 'currency', currency: currency || 'CNY', currencyDisplay: 'narrowSymbol' };
  if (compact) Object.assign(options, { notation: 'compact', maximumFractionDigits: 1 });
  try {
    return new Intl.NumberFormat(language, options).format(n);
  } catch (e) {
    return `${currency || 'CNY'} ${n.toFixed(2)}`;
  }
}

/** A date (yyyy-mm-dd) per locale, without shifting it through a time zone. */
export function day(value, language) {
  if (!value) return '';
  const [y, m, d] = String(value).split('-').map(Number);
  if (!y || !m || !d) return String(value);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** The palette of the UI's charts. */
export const COLORS = ['#1f5fbf', '#3b82f6', '#10b981', '#f59e0b', '#8b5cf6', '#ef4444', '#14b8a6', '#64748b'];
