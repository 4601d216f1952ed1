// Chart.js 4.4.1 and the money/date formats, for the UI and (through 'atrium/ui') the screens modules contribute:
// import { Chart, money } from 'atrium/ui'. The webjar's ES build imports '@kurkle/color', which no webjar on the
// registry carries; its UMD build has everything inlined and, loaded as a module, sets globalThis.Chart.
// Chart.js draws on a canvas: labels are painted as text and can never become markup.
import '/vendor/chart.js/4.4.1/dist/chart.umd.js';

export { money, day, COLORS } from './format.js';

export const Chart = globalThis.Chart;
