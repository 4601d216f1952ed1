import { LitElement, html, nothing } from 'lit';
import { api } from './api.js';
import { addWords, t } from './i18n.js';
import { href } from './routes.js';

addWords({
  en: { 'pinyin.found': 'Found by pinyin', 'pinyin.hint': 'full pinyin or initials' },
  'zh-CN': { 'pinyin.found': '按拼音找到', 'pinyin.hint': '全拼或首字母' },
});

/** The entity types the pinyin plugin indexes (GET /api/v1/pinyin/search?type=). */
const TYPES = { Account: 'account', Contact: 'contact' };

/**
 * What a quick search in latin letters finds by the pinyin of Chinese names, where the pinyin plugin is installed
 * and enabled: "zhaoshang" or "zsyh" finds 招商银行. Shown under a list of accounts or contacts; nothing when the
 * plugin is absent (its endpoint answers 404) or the search is not pinyin-like.
 */
class PinyinHits extends LitElement {
  static properties = {
    entity: { attribute: false },
    q: { attribute: false },
    language: { attribute: false },
    hits: { state: true },
  };

  constructor() {
    super();
    this.hits = [];
    this.generation = 0;
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('q') || changed.has('entity')) this.load();
  }

  async load() {
    const generation = ++this.generation;
    const type = this.entity && TYPES[this.entity.name];
    const q = (this.q || '').trim();
    if (!type || !/^[A-Za-z]{2,50}$/.test(q)) {
      this.hits = [];
      return;
    }
    try {
      const both = await Promise.all(['pinyin', 'initials'].map((param) =>
        api('GET', `/api/v1/pinyin/search?${new URLSearchParams({ [param]: q.toLowerCase(), type, limit: '20' })}`)));
      const seen = new Set();
      const hits = both.flatMap((page) => page.items || []).filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
      if (generation === this.generation) this.hits = hits;
    } catch (e) {
      // no pinyin plugin (404), or it is disabled: the ordinary quick search is all there is
      if (generation === this.generation) this.hits = [];
    }
  }

  render() {
    if (!this.hits.length) return nothing;
    const l = this.language;
    return html`
      <section class="pinyin-hits" aria-labelledby="pinyin-hits-title">
        <h2 id="pinyin-hits-title">${t(l, 'pinyin.found')} <small>(${t(l, 'pinyin.hint')}: ${this.q})</small></h2>
        <ul>${this.hits.map((hit) => html`<li><a class="pinyin-hit" data-id=${hit.id} href=${href([this.entity.plural, hit.id])}>${hit.displayName}</a></li>`)}</ul>
      </section>`;
  }
}

customElements.define('atrium-pinyin-hits', PinyinHits);
