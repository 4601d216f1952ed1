import { LitElement, html, nothing } from 'lit';
import { api, addWords, Chart, COLORS, money, t } from 'atrium/ui';

// The opportunities module's charts: the funnel, forecast and stage metrics views
// (GET /api/v1/opportunities/funnel|forecast|stage-metrics) as Chart.js charts, full size at #/x/pipeline-charts
// and the funnel and forecast as a home-page widget. Labels (stage names, owners) are painted on a canvas, as
// text; amounts are left out where the API leaves them out (the amount hidden from the caller).

// the module's own stylesheet, beside this script (style-src 'self' allows it; no inline styles)
const STYLES = new URL('./pipeline.css', import.meta.url).pathname;

addWords({
  en: {
    'charts.title': 'Sales analytics',
    'charts.funnel': 'Funnel: open opportunities per stage',
    'charts.forecast': 'Forecast',
    'charts.metrics': 'Stage conversion and time in stage',
    'charts.count': 'Opportunities',
    'charts.amount': 'Amount',
    'charts.weighted': 'Weighted amount',
    'charts.committed': 'Committed (won)',
    'charts.weightedPipeline': 'Weighted pipeline',
    'charts.bestCase': 'Best case',
    'charts.conversion': 'Conversion rate (%)',
    'charts.days': 'Average days in stage',
    'charts.noData': 'No opportunities in this period.',
    'charts.from': 'Close date from',
    'charts.to': 'to',
    'charts.apply': 'Apply',
    'charts.you': 'You',
    'charts.all': 'All',
  },
  'zh-CN': {
    'charts.title': '销售分析',
    'charts.funnel': '销售漏斗：各阶段进行中的机会',
    'charts.forecast': '销售预测',
    'charts.metrics': '阶段转化率与停留时间',
    'charts.count': '机会数',
    'charts.amount': '金额',
    'charts.weighted': '加权金额',
    'charts.committed': '已赢单',
    'charts.weightedPipeline': '加权管道',
    'charts.bestCase': '最佳情况',
    'charts.conversion': '转化率（%）',
    'charts.days': '平均停留天数',
    'charts.noData': '此期间没有机会。',
    'charts.from': '预计成交日期从',
    'charts.to': '至',
    'charts.apply': '应用',
    'charts.you': '我',
    'charts.all': '全部',
  },
});

function stageLabel(row, language) {
  return language === 'zh-CN' ? row.labelZh || row.stage : row.labelEn || row.stage;
}

/** Open stages of the funnel, in order; several processes with the same stage names add up. */
function funnelRows(funnel) {
  const rows = new Map();
  for (const r of funnel.stages || []) {
    if (r.outcome !== 'open') continue;
    const key = r.stage;
    const row = rows.get(key) || { ...r, count: 0, amount: 0, weightedAmount: 0, has: false };
    row.count += r.count;
    if (r.amount !== undefined) {
      row.has = true;
      row.amount += Number(r.amount);
      row.weightedAmount += Number(r.weightedAmount || 0);
    }
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9));
}

/** Charts that draw into the canvases of a lit template and are destroyed with it. */
class ChartsBase extends LitElement {
  static properties = {
    language: { attribute: false },
    user: { attribute: false },
    route: { attribute: false },
    data: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.data = null;
    this.error = '';
    this.charts = [];
  }

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.destroy();
  }

  destroy() {
    this.charts.forEach((c) => c.destroy());
    this.charts = [];
  }

  get l() {
    return this.language || 'en';
  }

  async fetchViews(views, query) {
    try {
      const answers = await Promise.all(views.map((v) => api('GET', `/api/v1/opportunities/${v}${query ? `?${query}` : ''}`)));
      this.data = Object.fromEntries(views.map((v, i) => [v, answers[i]]));
      this.error = '';
    } catch (e) {
      this.error = e.message;
    }
  }

  updated(changed) {
    if (changed.has('data') || changed.has('language')) this.draw();
  }

  draw() {
    this.destroy();
    if (!this.data) return;
    for (const [id, config] of this.configs()) {
      const canvas = this.querySelector(`canvas#${id}`);
      if (canvas && config) this.charts.push(new Chart(canvas, config));
    }
  }

  funnelChart() {
    const l = this.l;
    const rows = funnelRows(this.data.funnel);
    if (!rows.length) return null;
    const amounts = rows.some((r) => r.has);
    const datasets = amounts
      ? [{ label: t(l, 'charts.amount'), data: rows.map((r) => r.amount), backgroundColor: COLORS[0], borderRadius: 4 },
        { label: t(l, 'charts.weighted'), data: rows.map((r) => r.weightedAmount), backgroundColor: COLORS[2], borderRadius: 4 }]
      : [{ label: t(l, 'charts.count'), data: rows.map((r) => r.count), backgroundColor: COLORS[0], borderRadius: 4 }];
    return {
      type: 'bar',
      data: { labels: rows.map((r) => `${stageLabel(r, l)} (${r.count})`), datasets },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${amounts ? money(c.raw, 'CNY', l) : c.raw}` } } },
        scales: { x: { ticks: { callback: (v) => (amounts ? money(v, 'CNY', l, true) : v) } } },
      },
    };
  }

  forecastChart(perOwner) {
    const l = this.l;
    const f = this.data.forecast;
    if (f.committed === undefined) return null; // the amount is hidden from the caller
    const me = this.user && this.user.id;
    const rows = perOwner && f.owners.length > 1 ? f.owners : [{ ...f, ownerId: null }];
    const name = (o) => (o.ownerId === null ? t(l, 'charts.all') : o.ownerId === me ? t(l, 'charts.you') : `${o.ownerId.slice(0, 8)}…`);
    const series = [['committed', 'charts.committed', COLORS[2]], ['weightedPipeline', 'charts.weightedPipeline', COLORS[0]], ['bestCase', 'charts.bestCase', COLORS[3]]];
    return {
      type: 'bar',
      data: {
        labels: rows.map(name),
        datasets: series.map(([key, word, color]) => ({ label: t(l, word), data: rows.map((r) => Number(r[key] || 0)), backgroundColor: color, borderRadius: 4 })),
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money(c.raw, 'CNY', l)}` } } },
        scales: { y: { ticks: { callback: (v) => money(v, 'CNY', l, true) } } },
      },
    };
  }

  figure(id, title, config) {
    return html`<figure class="chart" data-chart=${id}>
      <figcaption>${title}</figcaption>
      ${config ? html`<div class="chart-box"><canvas id=${id} role="img" aria-label=${title}></canvas></div>`
        : html`<p class="empty">${t(this.l, 'charts.noData')}</p>`}
    </figure>`;
  }
}

/** The home-page widget: this quarter's funnel and forecast. */
class PipelineSummary extends ChartsBase {
  load() {
    this.fetchViews(['funnel', 'forecast']);
  }

  configs() {
    return [['home-funnel', this.funnelChart()], ['home-forecast', this.forecastChart(false)]];
  }

  render() {
    const l = this.l;
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.data) return html`<p class="loading">${t(l, 'loading')}</p>`;
    return html`<link rel="stylesheet" href=${STYLES}><div class="chart-row">
      ${this.figure('home-funnel', t(l, 'charts.funnel'), this.funnelChart())}
      ${this.figure('home-forecast', t(l, 'charts.forecast'), this.forecastChart(false))}
    </div>`;
  }
}

/** The full screen: a period, the funnel, the forecast per owner and the stage metrics. */
class PipelineCharts extends ChartsBase {
  load() {
    const q = new URLSearchParams();
    if (this.from) q.set('from', this.from);
    if (this.to) q.set('to', this.to);
    this.fetchViews(['funnel', 'forecast', 'stage-metrics'], q.toString());
  }

  period(event) {
    event.preventDefault();
    this.from = event.target.from.value;
    this.to = event.target.to.value;
    this.load();
  }

  metricsChart() {
    const l = this.l;
    const rows = (this.data['stage-metrics'].stages || []).filter((r) => r.conversionRate !== null && r.conversionRate !== undefined);
    if (!rows.length) return null;
    return {
      type: 'bar',
      data: {
        labels: rows.map((r) => stageLabel(r, l)),
        datasets: [
          { label: t(l, 'charts.conversion'), data: rows.map((r) => Math.round(Number(r.conversionRate) * 1000) / 10), backgroundColor: COLORS[0], borderRadius: 4, yAxisID: 'y' },
          { type: 'line', label: t(l, 'charts.days'), data: rows.map((r) => (r.averageSecondsInStage ? Math.round(r.averageSecondsInStage / 8640) / 10 : 0)), borderColor: COLORS[3], backgroundColor: COLORS[3], yAxisID: 'days' },
        ],
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: { y: { min: 0, max: 100, position: 'left' }, days: { min: 0, position: 'right', grid: { drawOnChartArea: false } } },
      },
    };
  }

  configs() {
    return [['chart-funnel', this.funnelChart()], ['chart-forecast', this.forecastChart(true)], ['chart-metrics', this.metricsChart()]];
  }

  render() {
    const l = this.l;
    return html`<section class="pipeline-charts" id="pipeline-charts">
      <link rel="stylesheet" href=${STYLES}>
      <div class="board-head">
        <h1>${t(l, 'charts.title')}</h1>
        <form class="chart-period" @submit=${this.period}>
          <label for="chart-from">${t(l, 'charts.from')}</label><input type="date" id="chart-from" name="from" .value=${this.from || ''}>
          <label for="chart-to">${t(l, 'charts.to')}</label><input type="date" id="chart-to" name="to" .value=${this.to || ''}>
          <button type="submit">${t(l, 'charts.apply')}</button>
        </form>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${!this.data && !this.error ? html`<p class="loading">${t(l, 'loading')}</p>` : nothing}
      ${this.data ? html`<div class="chart-grid">
        ${this.figure('chart-funnel', t(l, 'charts.funnel'), this.funnelChart())}
        ${this.figure('chart-forecast', t(l, 'charts.forecast'), this.forecastChart(true))}
        ${this.figure('chart-metrics', t(l, 'charts.metrics'), this.metricsChart())}
      </div>` : nothing}
    </section>`;
  }
}

customElements.define('atrium-pipeline-summary', PipelineSummary);
customElements.define('atrium-pipeline-charts', PipelineCharts);
