import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { addWords, t } from './i18n.js';

// A background job's live progress (GET /api/v1/jobs/{id}, polled until it ends): a labelled <progress>, the counts,
// cancel, and the error report (/api/v1/jobs/{id}/errors) when rows failed. Sends 'job-done' {job} at the end.
// Used by the list's mass operations and by the import wizard.

addWords({
  en: {
    'job.progress': 'Progress',
    'job.processed': (done, total, percent) => `${done} of ${total} processed (${percent}%)`,
    'job.status.queued': 'Queued',
    'job.status.running': 'Running',
    'job.status.cancelling': 'Cancelling',
    'job.status.cancelled': 'Cancelled',
    'job.status.completed': 'Completed',
    'job.status.failed': 'Failed',
    'job.created': 'created',
    'job.updated': 'updated',
    'job.deleted': 'deleted',
    'job.skipped': 'skipped',
    'job.failed': 'failed',
    'job.eta': (s) => `about ${s} s left`,
    'job.cancel': 'Cancel',
    'job.errors': 'Download the error report (CSV)',
  },
  'zh-CN': {
    'job.progress': '进度',
    'job.processed': (done, total, percent) => `已处理 ${done} / ${total}（${percent}%）`,
    'job.status.queued': '排队中',
    'job.status.running': '进行中',
    'job.status.cancelling': '正在取消',
    'job.status.cancelled': '已取消',
    'job.status.completed': '已完成',
    'job.status.failed': '失败',
    'job.created': '新建',
    'job.updated': '更新',
    'job.deleted': '删除',
    'job.skipped': '跳过',
    'job.failed': '失败',
    'job.eta': (s) => `约剩 ${s} 秒`,
    'job.cancel': '取消',
    'job.errors': '下载错误报告（CSV）',
  },
});

const FINISHED = new Set(['completed', 'failed', 'cancelled']);
const POLL_MS = 400;

export function isFinished(job) {
  return job && FINISHED.has(job.status);
}

class JobProgress extends LitElement {
  static properties = {
    job: { attribute: false },
    language: { attribute: false },
    error: { state: true },
  };

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    const before = changed.get('job');
    if (changed.has('job') && before && this.job && before.id !== this.job.id) this.announced = false;
  }

  updated(changed) {
    if (changed.has('job') && this.job && !isFinished(this.job) && !this.timer) this.schedule();
    if (changed.has('job') && isFinished(this.job) && !this.announced) {
      this.announced = true;
      this.dispatchEvent(new CustomEvent('job-done', { detail: { job: this.job }, bubbles: true }));
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = null;
  }

  schedule() {
    this.timer = setTimeout(async () => {
      this.timer = null;
      try {
        this.job = await api('GET', `/api/v1/jobs/${encodeURIComponent(this.job.id)}`);
      } catch (e) {
        this.error = e.message;
        this.schedule();
      }
    }, POLL_MS);
  }

  async cancel() {
    try {
      this.job = await api('POST', `/api/v1/jobs/${encodeURIComponent(this.job.id)}/cancel`);
    } catch (e) {
      this.error = e.message;
    }
  }

  render() {
    const l = this.language;
    const job = this.job;
    if (!job) return nothing;
    const percent = Math.round(job.percent || 0);
    const done = isFinished(job);
    const counts = ['created', 'updated', 'deleted', 'skipped', 'failed'].filter((k) => typeof job[k] === 'number' && (job[k] > 0 || k === 'failed'));
    return html`
      <div class="job-progress ${job.status}" data-status=${job.status} aria-live="polite">
        <div class="job-line">
          <span class="badge status-${job.status}" id="job-status">${t(l, `job.status.${job.status}`) || job.status}</span>
          <label for="job-bar" id="job-label">${t(l, 'job.processed', job.processed, job.total, percent)}</label>
          ${!done && job.etaSeconds ? html`<span class="muted">${t(l, 'job.eta', job.etaSeconds)}</span>` : nothing}
        </div>
        <progress id="job-bar" max=${job.total || 1} .value=${job.total ? job.processed : done ? 1 : 0}
          aria-valuetext=${`${percent}%`}>${percent}%</progress>
        <div class="job-line">
          ${done ? html`<ul class="job-counts" id="job-result">
            ${counts.map((k) => html`<li class=${k}><strong>${job[k]}</strong> ${t(l, `job.${k}`)}</li>`)}
          </ul>` : html`<button type="button" class="ghost" id="job-cancel" @click=${this.cancel}>${t(l, 'job.cancel')}</button>`}
          ${job.message ? html`<span class="muted">${job.message}</span>` : nothing}
          ${done && job.failed > 0 ? html`<a class="button-link" id="job-errors" href=${job.errorsUrl || `/api/v1/jobs/${job.id}/errors`} download>${t(l, 'job.errors')}</a>` : nothing}
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      </div>`;
  }
}

customElements.define('atrium-job-progress', JobProgress);
