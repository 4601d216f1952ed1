// Chart.js 4.4.1 and the money/date formats, for the UI and (through 'atrium/ui') the screens modules contribute:
// import { Chart, money } from 'atrium/ui'. The webjar's ES build imports '@kurkle/color', which no webjar on the
// registry carries; its UMD build has everything inlined and, loaded as a module, sets globalThis.Chart.
// Chart.js draws on a canvas: labels are painted as text and can never become markup.
import '/vendor/chart.js/4.4.1/dist/chart.umd.js';

export const Chart = globalThis.Chart;

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
