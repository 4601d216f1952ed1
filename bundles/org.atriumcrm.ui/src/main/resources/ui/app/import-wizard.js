import { LitElement, html, nothing } from 'lit';
import { api, problemText } from './api.js';
import { addWords, label, t } from './i18n.js';
import { registerView } from './views.js';
import './job-progress.js';

// The import wizard (#/import/<plural>): upload a CSV (UTF-8 or GBK) or .xlsx file (POST /api/v1/imports), map its
// columns to fields (the server's suggestions preselected), map picklist values, choose how duplicates are handled,
// start the job (POST /api/v1/jobs/import) and follow it to the end, with the error report when rows failed.
// Mappings can be saved and picked again (/api/v1/import-mappings).

addWords({
  en: {
    'import.title': 'Import',
    'import.titleOf': (what) => `Import ${what}`,
    'import.step.upload': 'Upload',
    'import.step.map': 'Map columns',
    'import.step.run': 'Import',
    'import.entity': 'Import into',
    'import.file': 'File (CSV or Excel .xlsx)',
    'import.encoding': 'Encoding of a CSV file',
    'import.encoding.auto': 'Detect (UTF-8 or GBK)',
    'import.upload': 'Upload and continue',
    'import.uploading': 'Uploading…',
    'import.fileSummary': (name, rows, encoding) => `${name}: ${rows} rows${encoding ? `, ${encoding}` : ''}`,
    'import.column': 'Column in the file',
    'import.sample': 'Sample values',
    'import.field': 'Field',
    'import.skip': '— do not import —',
    'import.values': 'Value mapping',
    'import.valuesHint': 'Every value of the picklist columns in the whole file, with how often it occurs. A value or label of the picklist is chosen for you; choose what the others mean.',
    'import.valueCount': (n) => (n === 1 ? '1 row' : `${n} rows`),
    'import.valuesTruncated': (n) => `The first ${n} different values are shown.`,
    'import.valueNeedsChoice': 'matches no value: choose',
    'import.asIs': '(as in the file)',
    'import.duplicates': 'Duplicates',
    'import.dup.create': 'Create every row (no duplicate check)',
    'import.dup.skip': 'Skip rows that match an existing record',
    'import.dup.update': 'Update the matching record',
    'import.matchOn': 'Match on',
    'import.mapping': 'Saved mapping',
    'import.mappingNone': '— none —',
    'import.saveAs': 'Save this mapping as (optional)',
    'import.start': 'Start the import',
    'import.back': 'Back',
    'import.records': (what) => `Show the ${what}`,
    'import.again': 'Import another file',
    'import.notImportable': 'This record type cannot be imported.',
  },
  'zh-CN': {
    'import.title': '导入',
    'import.titleOf': (what) => `导入${what}`,
    'import.step.upload': '上传文件',
    'import.step.map': '字段映射',
    'import.step.run': '导入',
    'import.entity': '导入到',
    'import.file': '文件（CSV 或 Excel .xlsx）',
    'import.encoding': 'CSV 文件编码',
    'import.encoding.auto': '自动识别（UTF-8 或 GBK）',
    'import.upload': '上传并继续',
    'import.uploading': '正在上传…',
    'import.fileSummary': (name, rows, encoding) => `${name}：${rows} 行${encoding ? `，${encoding}` : ''}`,
    'import.column': '文件中的列',
    'import.sample': '示例值',
    'import.field': '字段',
    'import.skip': '— 不导入 —',
    'import.values': '值映射',
    'import.valuesHint': '整个文件中这些选项列出现的每个值及其行数。与选项值或选项名称相符的已自动选择；其余的请选择其含义。',
    'import.valueCount': (n) => `${n} 行`,
    'import.valuesTruncated': (n) => `只列出前 ${n} 个不同的值。`,
    'import.valueNeedsChoice': '未匹配任何选项：请选择',
    'import.asIs': '（按文件原值）',
    'import.duplicates': '重复记录',
    'import.dup.create': '全部新建（不查重）',
    'import.dup.skip': '跳过与现有记录重复的行',
    'import.dup.update': '更新匹配的记录',
    'import.matchOn': '匹配字段',
    'import.mapping': '已保存的映射',
    'import.mappingNone': '— 无 —',
    'import.saveAs': '将此映射保存为（可选）',
    'import.start': '开始导入',
    'import.back': '返回',
    'import.records': (what) => `查看${what}`,
    'import.again': '导入其他文件',
    'import.notImportable': '该记录类型不能导入。',
  },
});

const SYSTEM = new Set(['id', 'version', 'createdAt', 'createdBy', 'modifiedAt', 'modifiedBy']);

class ImportWizard extends LitElement {
  static properties = {
    entity: { attribute: false },
    entities: { attribute: false },
    language: { attribute: false },
    step: { state: true },
    busy: { state: true },
    error: { state: true },
    file: { state: true },
    meta: { state: true },
    columns: { state: true },
    values: { state: true },
    columnValues: { state: true },
    action: { state: true },
    matchOn: { state: true },
    mappings: { state: true },
    job: { state: true },
  };

  constructor() {
    super();
    this.reset();
  }

  reset() {
    this.step = 'upload';
    this.busy = false;
    this.error = '';
    this.file = null;
    this.columns = {};
    this.values = {};
    this.columnValues = {};
    this.action = 'create';
    this.matchOn = [];
    this.mappings = [];
    this.job = null;
  }

  createRenderRoot() {
    return this;
  }

  willUpdate(changed) {
    if (changed.has('entity') && changed.get('entity') && this.entity && changed.get('entity').name !== this.entity.name) this.reset();
  }

  get importable() {
    return (this.entities || []).filter((e) => e.importable);
  }

  /** Fields a column may go to: what the caller may write. */
  get targets() {
    return ((this.meta && this.meta.fields) || []).filter((f) => !f.readOnly && !SYSTEM.has(f.name));
  }

  async upload(event) {
    event.preventDefault();
    const form = event.target;
    const chosen = form.importFile.files[0];
    const entity = this.entity || this.importable.find((e) => e.plural === form.importEntity.value);
    if (!chosen || !entity) return;
    if (!this.entity) {
      location.hash = `#/import/${encodeURIComponent(entity.plural)}`;
    }
    this.busy = true;
    this.error = '';
    try {
      const params = new URLSearchParams({ entity: entity.plural, fileName: chosen.name });
      if (form.importEncoding.value) params.set('encoding', form.importEncoding.value);
      // the raw bytes: the server detects the format (xlsx by its ZIP signature) and the charset itself
      const body = new Blob([chosen], { type: 'application/octet-stream' });
      const [file, meta, mappings] = await Promise.all([
        api('POST', `/api/v1/imports?${params}`, body),
        api('GET', `/api/v1/meta/entities/${encodeURIComponent(entity.name)}`),
        api('GET', `/api/v1/import-mappings?entity=${encodeURIComponent(entity.plural)}`).catch(() => ({ items: [] })),
      ]);
      this.file = file;
      this.meta = meta;
      this.mappings = mappings.items || [];
      this.columns = { ...(file.suggestedColumns || {}) };
      this.values = {};
      this.columnValues = {};
      this.defaultMatch();
      this.step = 'map';
    } catch (e) {
      this.error = problemText(e);
    } finally {
      this.busy = false;
    }
  }

  /** The first duplicate rule whose fields are all mapped, as the server would choose. */
  defaultMatch() {
    const mapped = new Set(Object.values(this.columns));
    const rule = ((this.meta && this.meta.duplicateRules) || []).find((r) => r.every((f) => mapped.has(f)));
    this.matchOn = rule ? [...rule] : [];
  }

  mapColumn(heading, field) {
    const columns = { ...this.columns };
    if (field) columns[heading] = field; else delete columns[heading];
    this.columns = columns;
    if (!this.matchOn.length || !this.matchOn.every((f) => Object.values(columns).includes(f))) this.defaultMatch();
  }

  applyMapping(id) {
    const m = this.mappings.find((x) => x.id === id);
    if (!m) return;
    const headings = new Set(this.file.columns);
    this.columns = Object.fromEntries(Object.entries(m.columns || {}).filter(([h]) => headings.has(h)));
    this.values = m.values || {};
    if (m.duplicates) {
      this.action = m.duplicates.action || 'create';
      this.matchOn = m.duplicates.matchOn || [];
    } else {
      this.defaultMatch();
    }
  }

  sampleOf(heading) {
    const index = this.file.columns.indexOf(heading);
    return (this.file.sample || []).map((row) => row[index]).filter((v) => v !== undefined && v !== null && v !== '');
  }

  updated() {
    if (this.step === 'map') this.loadColumnValues();
  }

  /** Mapped picklist columns: [heading, field]. */
  picklistColumns() {
    return Object.entries(this.columns).map(([heading, name]) => [heading, this.targets.find((x) => x.name === name)])
      .filter(([, f]) => f && f.type === 'picklist' && f.picklist);
  }

  /** Every distinct value of each mapped picklist column in the whole file, with its count and suggestion (once per column and field). */
  loadColumnValues() {
    for (const [heading, f] of this.picklistColumns()) {
      const key = `${heading}\u0000${f.name}`;
      if (this.columnValues[key]) continue;
      this.columnValues = { ...this.columnValues, [key]: { loading: true } };
      const params = new URLSearchParams({ column: heading, entity: (this.entity && this.entity.plural) || this.meta.name, field: f.name });
      api('GET', `/api/v1/imports/${encodeURIComponent(this.file.id)}/values?${params}`)
        .then((answer) => { this.columnValues = { ...this.columnValues, [key]: answer }; })
        .catch(() => { this.columnValues = { ...this.columnValues, [key]: { failed: true } }; });
    }
  }

  /**
   * The rows of the value mapping: every value of the whole file (from the server) for each mapped picklist column;
   * while that is loading (or where it failed), the sample's cells that match nothing, as before.
   */
  valueRows() {
    const out = [];
    let truncated = 0;
    for (const [heading, f] of this.picklistColumns()) {
      const loaded = this.columnValues[`${heading}\u0000${f.name}`];
      if (loaded && loaded.values) {
        loaded.values.forEach((v) => out.push({ field: f, cell: v.value, count: v.count, suggested: v.suggested }));
        if (loaded.truncated) truncated = loaded.limit;
      } else {
        this.unknownValues().filter((u) => u.field === f).forEach((u) => out.push(u));
      }
    }
    return { rows: out, truncated };
  }

  /** Sample cells of mapped picklist columns that the server would not recognise by value or label. */
  unknownValues() {
    const out = [];
    for (const [heading, name] of Object.entries(this.columns)) {
      const f = this.targets.find((x) => x.name === name);
      if (!f || f.type !== 'picklist' || !f.picklist) continue;
      const known = new Set(f.picklist.flatMap((p) => [p.value, ...(p.label ? Object.values(p.label) : [])]).map((v) => String(v).toLowerCase()));
      const cells = [...new Set(this.sampleOf(heading).map((v) => String(v).trim()))].filter((v) => v && !known.has(v.toLowerCase()));
      cells.forEach((cell) => out.push({ field: f, cell }));
    }
    return out;
  }

  mapValue(field, cell, value) {
    const values = { ...this.values, [field]: { ...(this.values[field] || {}) } };
    if (value) values[field][cell] = value; else delete values[field][cell];
    if (!Object.keys(values[field]).length) delete values[field];
    this.values = values;
  }

  async start(event) {
    event.preventDefault();
    const form = event.target;
    this.busy = true;
    this.error = '';
    const body = {
      fileId: this.file.id,
      entity: this.entity.plural,
      columns: this.columns,
      duplicates: this.action === 'create' ? { action: 'create' } : { action: this.action, matchOn: this.matchOn },
    };
    if (Object.keys(this.values).length) body.values = this.values;
    const saveAs = form.saveMappingAs.value.trim();
    if (saveAs) body.saveMappingAs = saveAs;
    try {
      this.job = await api('POST', '/api/v1/jobs/import', body);
      this.step = 'run';
    } catch (e) {
      this.error = problemText(e);
    } finally {
      this.busy = false;
    }
  }

  renderSteps() {
    const l = this.language;
    const steps = ['upload', 'map', 'run'];
    const at = steps.indexOf(this.step);
    return html`<ol class="wizard-steps">
      ${steps.map((s, i) => html`<li class=${i < at ? 'done' : i === at ? 'current' : ''} aria-current=${i === at ? 'step' : 'false'}>
        <span class="step-number">${i + 1}</span> ${t(l, `import.step.${s}`)}</li>`)}
    </ol>`;
  }

  renderUpload() {
    const l = this.language;
    return html`
      <form class="card import-upload" id="import-upload" @submit=${this.upload}>
        ${this.entity ? nothing : html`
          <label for="import-entity">${t(l, 'import.entity')}</label>
          <select id="import-entity" name="importEntity">
            ${this.importable.map((e) => html`<option value=${e.plural}>${label(e.pluralLabel, l, e.plural)}</option>`)}
          </select>`}
        <label for="import-file">${t(l, 'import.file')}</label>
        <input id="import-file" name="importFile" type="file" required
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
        <label for="import-encoding">${t(l, 'import.encoding')}</label>
        <select id="import-encoding" name="importEncoding">
          <option value="">${t(l, 'import.encoding.auto')}</option>
          <option value="UTF-8">UTF-8</option>
          <option value="GBK">GBK / GB18030</option>
        </select>
        <div class="panel-actions"><span class="spacer"></span>
          <button type="submit" id="import-upload-button" ?disabled=${this.busy}>${this.busy ? t(l, 'import.uploading') : t(l, 'import.upload')}</button>
        </div>
      </form>`;
  }

  renderMap() {
    const l = this.language;
    const targets = this.targets;
    const { rows: valueRows, truncated } = this.valueRows();
    const mapped = [...new Set(Object.values(this.columns))];
    return html`
      <form class="import-map" id="import-map" @submit=${this.start}>
        <p class="file-summary" id="import-file-summary">${t(l, 'import.fileSummary', this.file.fileName, this.file.rows, this.file.encoding)}</p>
        ${this.mappings.length ? html`<div class="card inline-field">
          <label for="import-mapping">${t(l, 'import.mapping')}</label>
          <select id="import-mapping" @change=${(e) => this.applyMapping(e.target.value)}>
            <option value="">${t(l, 'import.mappingNone')}</option>
            ${this.mappings.map((m) => html`<option value=${m.id}>${m.name}</option>`)}
          </select></div>` : nothing}
        <div class="table-wrap">
          <table class="records mapping">
            <thead><tr><th scope="col">${t(l, 'import.column')}</th><th scope="col">${t(l, 'import.sample')}</th><th scope="col">${t(l, 'import.field')}</th></tr></thead>
            <tbody>
              ${this.file.columns.map((heading, i) => html`<tr data-column=${heading}>
                <th scope="row"><label for=${`map-${i}`}>${heading}</label></th>
                <td class="sample">${this.sampleOf(heading).slice(0, 3).join(' · ')}</td>
                <td><select id=${`map-${i}`} class="map-field" data-column=${heading} @change=${(e) => this.mapColumn(heading, e.target.value)}>
                  <option value="" ?selected=${!this.columns[heading]}>${t(l, 'import.skip')}</option>
                  ${targets.map((f) => html`<option value=${f.name} ?selected=${this.columns[heading] === f.name}>${label(f.label, l, f.name)}${f.required ? ' *' : ''}</option>`)}
                </select></td></tr>`)}
            </tbody>
          </table>
        </div>
        ${valueRows.length ? html`<fieldset class="card" id="import-values">
          <legend>${t(l, 'import.values')}</legend>
          <p class="muted">${t(l, 'import.valuesHint')}</p>
          ${truncated ? html`<p class="muted" id="import-values-truncated">${t(l, 'import.valuesTruncated', truncated)}</p>` : nothing}
          ${valueRows.map(({ field, cell, count, suggested }, i) => {
            const chosen = (this.values[field.name] || {})[cell] || suggested || '';
            return html`<div class="inline-field ${chosen ? '' : 'needs-choice'}" data-field=${field.name} data-value=${cell}>
            <label for=${`value-${i}`}>${label(field.label, l, field.name)}: “${cell}”${count ? html` <span class="muted">(${t(l, 'import.valueCount', count)})</span>` : nothing}</label>
            <select id=${`value-${i}`} @change=${(e) => this.mapValue(field.name, cell, e.target.value)}
              aria-describedby=${chosen ? nothing : `value-${i}-hint`}>
              ${suggested ? nothing : html`<option value="" ?selected=${!chosen}>${t(l, 'import.asIs')}</option>`}
              ${field.picklist.map((p) => html`<option value=${p.value} ?selected=${chosen === p.value}>${label(p.label, l, p.value)}</option>`)}
            </select>
            ${chosen ? nothing : html`<span class="muted" id=${`value-${i}-hint`}>${t(l, 'import.valueNeedsChoice')}</span>`}</div>`;
          })}
        </fieldset>` : nothing}
        <fieldset class="card" id="import-duplicates">
          <legend>${t(l, 'import.duplicates')}</legend>
          ${['create', 'skip', 'update'].map((a) => html`<label class="check"><input type="radio" name="dupAction" value=${a} id=${`dup-${a}`}
            .checked=${this.action === a} @change=${() => { this.action = a; }}> ${t(l, `import.dup.${a}`)}</label>`)}
          ${this.action !== 'create' ? html`<div class="match-on" role="group" aria-label=${t(l, 'import.matchOn')}>
            <span>${t(l, 'import.matchOn')}:</span>
            ${mapped.map((name) => {
              const f = targets.find((x) => x.name === name);
              return html`<label class="check"><input type="checkbox" .checked=${this.matchOn.includes(name)}
                @change=${(e) => { this.matchOn = e.target.checked ? [...this.matchOn, name] : this.matchOn.filter((x) => x !== name); }}>
                ${label(f && f.label, l, name)}</label>`;
            })}</div>` : nothing}
        </fieldset>
        <div class="card inline-field">
          <label for="import-save-as">${t(l, 'import.saveAs')}</label>
          <input id="import-save-as" name="saveMappingAs" maxlength="100">
        </div>
        <div class="panel-actions">
          <button type="button" class="secondary" @click=${() => { this.step = 'upload'; this.error = ''; }}>${t(l, 'import.back')}</button>
          <span class="spacer"></span>
          <button type="submit" id="import-start" ?disabled=${this.busy || !Object.keys(this.columns).length}>${t(l, 'import.start')}</button>
        </div>
      </form>`;
  }

  renderRun() {
    const l = this.language;
    const what = label(this.entity.pluralLabel, l, this.entity.plural);
    return html`
      <div class="card import-run">
        <p class="file-summary">${t(l, 'import.fileSummary', this.file.fileName, this.file.rows, this.file.encoding)}</p>
        <atrium-job-progress .job=${this.job} .language=${l} @job-done=${(e) => { this.job = e.detail.job; }}></atrium-job-progress>
        <div class="panel-actions">
          <button type="button" class="secondary" id="import-again" @click=${() => this.reset()}>${t(l, 'import.again')}</button>
          <span class="spacer"></span>
          <a class="button-link primary" id="import-records" href=${`#/${encodeURIComponent(this.entity.plural)}`}>${t(l, 'import.records', what)}</a>
        </div>
      </div>`;
  }

  render() {
    const l = this.language;
    if (this.entity && !this.entity.importable) return html`<p class="error" id="import-refused">${t(l, 'import.notImportable')}</p>`;
    const title = this.entity ? t(l, 'import.titleOf', label(this.entity.pluralLabel, l, this.entity.plural)) : t(l, 'import.title');
    return html`
      <section class="import-wizard" id="import-wizard">
        <div class="list-head"><h1>${title}</h1></div>
        ${this.renderSteps()}
        ${this.error ? html`<p class="error" role="alert" id="import-error">${this.error}</p>` : nothing}
        ${this.step === 'upload' ? this.renderUpload() : this.step === 'map' ? this.renderMap() : this.renderRun()}
      </section>`;
  }
}

customElements.define('atrium-import-wizard', ImportWizard);

registerView('import', ({ entity, entities, language }) => html`<atrium-import-wizard .entity=${entity} .entities=${entities}
  .language=${language}></atrium-import-wizard>`);
