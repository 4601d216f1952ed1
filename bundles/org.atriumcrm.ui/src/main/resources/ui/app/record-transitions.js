// A record's state transitions as buttons (submit for approval, approve, reject with a comment, send, convert to an
// order or a contract, print…), from the metadata's `actionDetails`: an action that answers a record or a PDF is a
// button, offered in the states its `when` names (always when it names none); its inputs (a comment, a contract's
// name and dates) are asked for in a dialog, its refusal (409 with the reason, 403, 400 at the input) shown there.
// Beyond plain inputs the dialog knows three shapes, all from the metadata: a switch (boolean: "issue at once"), an
// id input named as a reference field of the record the action makes (a warehouse, picked by name), and a `lines`
// list on a document with line items (a delivery: each open line with what remains, editable, 0 = skip).
// The record page's own actions (convert, advance, close…) keep their own screens.

import { html, nothing } from 'lit';
import { api, apiBlob } from './api.js';
import { addWords, label, t } from './i18n.js';
import { href } from './routes.js';
import { OWN_ACTIONS as OWN, displayName, entityByName, loadMeta } from './record-kit.js';
import { fieldControl } from './record-form.js';

addWords({
  en: {
    'transition.comment': 'Comment',
    'transition.submit-for-approval': 'Submit for approval',
    'transition.submit': 'Submit',
    'transition.approve': 'Approve',
    'transition.reject': 'Reject',
    'transition.send': 'Mark as sent',
    'transition.accept': 'Accepted by the customer',
    'transition.reject-by-customer': 'Rejected by the customer',
    'transition.close': 'Close',
    'transition.revise': 'Revise',
    'transition.convert-to-order': 'Convert to order',
    'transition.convert-to-contract': 'Convert to contract',
    'transition.print': 'Print PDF',
    'transition.order': 'Place order',
    'transition.cancel': 'Cancel',
    'transition.sign': 'Sign',
    'transition.activate': 'Activate',
    'transition.terminate': 'Terminate',
    'transition.expire': 'Expire',
    'transition.issue': 'Issue',
    'transition.confirm': 'Confirm',
    'transition.post': 'Post',
    'transition.input.name': 'Name',
    'transition.input.startDate': 'Start date',
    'transition.input.endDate': 'End date',
    'transition.input.renewalDate': 'Renewal date',
    'transition.deliver': 'Deliver',
    'transition.invoice': 'Invoice',
    'transition.ship': 'Shipped',
    'transition.mark-delivered': 'Delivered',
    'transition.complete-count': 'Count complete',
    'transition.input.carrier': 'Carrier',
    'transition.input.trackingNumber': 'Tracking number',
    'transition.input.shippingAddress': 'Shipping address',
    'transition.input.billingAddress': 'Billing address',
    'transition.input.deliveryDate': 'Delivery date',
    'transition.input.issueDate': 'Issue date',
    'transition.input.paymentTermDays': 'Payment term (days)',
    'transition.input.warehouseId': 'Warehouse',
    'transition.input.description': 'Description',
    'transition.input.issue': 'Issue at once (the stock goes out now)',
    'transition.input.lines': 'Lines',
    'transition.lines.this': 'This time (0 = skip)',
    'transition.lines.none': 'No line is left open.',
    'transition.lines.pick': 'Enter a quantity above 0 on at least one line.',
    'transition.lines.short': (s) => `Not enough stock: ${s.onHand} on hand, ${s.requested} asked, short by ${s.shortfall}`,
  },
  'zh-CN': {
    'transition.comment': '意见',
    'transition.submit-for-approval': '提交审批',
    'transition.submit': '提交',
    'transition.approve': '批准',
    'transition.reject': '驳回',
    'transition.send': '标记为已发送',
    'transition.accept': '客户已接受',
    'transition.reject-by-customer': '客户已拒绝',
    'transition.close': '关闭',
    'transition.revise': '修订',
    'transition.convert-to-order': '转为销售订单',
    'transition.convert-to-contract': '转为合同',
    'transition.print': '打印 PDF',
    'transition.order': '下单',
    'transition.cancel': '取消',
    'transition.sign': '签订',
    'transition.activate': '生效',
    'transition.terminate': '终止',
    'transition.expire': '到期',
    'transition.issue': '开具',
    'transition.confirm': '确认',
    'transition.post': '过账',
    'transition.input.name': '名称',
    'transition.input.startDate': '开始日期',
    'transition.input.endDate': '结束日期',
    'transition.input.renewalDate': '续约日期',
    'transition.deliver': '发货',
    'transition.invoice': '开票',
    'transition.ship': '已发运',
    'transition.mark-delivered': '已签收',
    'transition.complete-count': '盘点完成',
    'transition.input.carrier': '承运商',
    'transition.input.trackingNumber': '运单号',
    'transition.input.shippingAddress': '收货地址',
    'transition.input.billingAddress': '开票地址',
    'transition.input.deliveryDate': '发货日期',
    'transition.input.issueDate': '开票日期',
    'transition.input.paymentTermDays': '付款期限（天）',
    'transition.input.warehouseId': '仓库',
    'transition.input.description': '描述',
    'transition.input.issue': '立即出库（现在扣减库存）',
    'transition.input.lines': '明细',
    'transition.lines.this': '本次数量（0 = 不发）',
    'transition.lines.none': '没有未完成的明细。',
    'transition.lines.pick': '请至少为一行填写大于 0 的数量。',
    'transition.lines.short': (s) => `库存不足：现存 ${s.onHand}，需要 ${s.requested}，缺 ${s.shortfall}`,
  },
});

const SIMPLE = new Set(['string', 'number', 'integer']);

/** The document's line items when the action takes a `lines` list of them (a delivery of a sales order's lines). */
function linesLayout(page, action) {
  const input = (action.inputs || []).find((i) => i.name === 'lines' && i.type === 'array');
  return input && page.meta && page.meta.lineItems ? page.meta.lineItems : null;
}

/**
 * The inputs the dialog asks for: the plain ones, switches, and a document's lines. Any other optional list is left
 * to the server's default, so that such an action is still offered.
 */
function asked(page, action) {
  return (action.inputs || []).filter((i) => SIMPLE.has(i.type) || i.type === 'boolean' || (i.name === 'lines' && linesLayout(page, action)));
}

/** The metadata's actions that are transitions a button can run now: a record or a PDF back, plain required inputs, the state right. */
export function transitions(meta, record) {
  return (meta.actionDetails || []).filter((a) => a.declared && !OWN.has(a.name) && (a.answer === 'record' || a.answer === 'pdf')
    && (a.inputs || []).every((i) => SIMPLE.has(i.type) || !i.required)
    && (!a.when || !record || (a.when.values || []).includes(record[a.when.field])));
}

export function transitionLabel(language, action) {
  return t(language, `transition.${action.name}`) || action.name.replace(/-/g, ' ');
}

/** The buttons; a comment opens the dialog first, anything else runs at once (its refusal shown in the dialog). */
export function transitionButtons(page) {
  const l = page.language;
  return transitions(page.meta, page.record).map((a) => html`<button type="button" class="secondary transition"
    id=${`action-${a.name}`} data-action=${a.name} title=${a.summary || ''}
    @click=${() => startTransition(page, a)}>${transitionLabel(l, a)}</button>`);
}

function startTransition(page, action) {
  page.open('transition', { action, values: {}, lines: null, lineErrors: {}, answerMeta: null });
  if (!asked(page, action).length) {
    runTransition(page);
    return;
  }
  const current = () => page.dialog && page.dialog.action === action;
  if (action.answerEntity) {
    // an id input named as a reference field of the record made (warehouseId of a delivery note) is picked by name
    loadMeta(action.answerEntity).then((meta) => { if (current()) page.patchDialog({ answerMeta: meta }); }).catch(() => {});
  }
  const layout = linesLayout(page, action);
  if (layout) {
    page.patchDialog({ busy: true });
    openLines(page, action, layout).then((lines) => { if (current()) page.patchDialog({ lines, busy: false }); })
      .catch((e) => { if (current()) page.patchDialog({ lines: [], busy: false, error: (e.problem && e.problem.detail) || e.message }); });
  }
}

/** Exact enough for quantities of a few decimals: the difference of two numbers the server sent, without float noise. */
function minus(a, b) {
  return Math.round((Number(a || 0) - Number(b || 0)) * 1e6) / 1e6;
}

/**
 * The document's open lines: each with what is left of it for this action — its quantity less the line's
 * "<action>ed" quantity where the line type has one (deliveredQuantity for deliver) — prefilled as this time's.
 */
async function openLines(page, action, layout) {
  const lineMeta = await loadMeta(layout.entity);
  const names = [`${action.name}edQuantity`, `${action.name}dQuantity`];
  const done = (lineMeta.fields || []).find((f) => names.includes(f.name));
  const base = `${page.base}/${encodeURIComponent(layout.list)}`;
  const items = [];
  for (let offset = 0; ; offset += 200) {
    const answer = await api('GET', `${base}?limit=200&offset=${offset}`);
    items.push(...(answer.items || []));
    if (!(answer.items || []).length || items.length >= (answer.total ?? items.length)) break;
  }
  return items.map((line) => {
    const ordered = line[layout.quantity];
    const left = done ? minus(ordered, line[done.name]) : Number(ordered);
    return { id: line.id, position: line.position, productId: line[layout.product], name: line.productName || displayName(line),
      sku: line.sku || '', ordered, done: done ? line[done.name] || 0 : null, doneLabel: done && done.label,
      quantityLabel: ((lineMeta.fields || []).find((f) => f.name === layout.quantity) || {}).label, quantity: String(left), left };
  }).filter((row) => row.left > 0);
}

function number(value, language) {
  return Number(value).toLocaleString(language === 'zh-CN' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 6 });
}

function linesInput(page) {
  const d = page.dialog;
  const l = page.language;
  if (!d.lines) return html`<p class="loading">${t(l, 'loading')}</p>`;
  if (!d.lines.length) return html`<p class="muted" id="transition-lines-none">${t(l, 'transition.lines.none')}</p>`;
  const first = d.lines[0];
  const set = (row, value) => page.patchDialog({
    lines: page.dialog.lines.map((r) => (r.id === row.id ? { ...r, quantity: value } : r)),
    lineErrors: { ...page.dialog.lineErrors, [row.id]: '' } });
  return html`<fieldset class="transition-lines"><legend>${t(l, 'transition.input.lines')}</legend>
    <div class="table-wrap"><table class="line-table" id="transition-lines">
      <thead><tr><th scope="col">#</th><th scope="col"></th>
        <th scope="col" class="num">${label(first.quantityLabel, l, 'quantity')}</th>
        ${first.doneLabel ? html`<th scope="col" class="num">${label(first.doneLabel, l, '')}</th>` : nothing}
        <th scope="col" class="num">${t(l, 'transition.lines.this')}</th></tr></thead>
      <tbody>${d.lines.map((row) => {
        const id = `transition-line-${row.id}-quantity`;
        const error = d.lineErrors[row.id];
        return html`<tr class="pick-line" data-id=${row.id} data-product=${row.productId || ''}>
          <td>${row.position ?? ''}</td>
          <td>${row.name}${row.sku ? html`<span class="sku muted">${row.sku}</span>` : nothing}</td>
          <td class="num">${number(row.ordered, l)}</td>
          ${first.doneLabel ? html`<td class="num">${number(row.done, l)}</td>` : nothing}
          <td class="num ${error ? 'has-error' : ''}"><input id=${id} class="pick-quantity" inputmode="decimal" size="8"
            aria-label=${`${t(l, 'transition.lines.this')}: ${row.name}`} .value=${row.quantity}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
            @input=${(e) => set(row, e.target.value)}>
            ${error ? html`<p class="field-error" id=${`${id}-error`} role="alert">${error}</p>` : nothing}</td>
        </tr>`;
      })}</tbody>
    </table></div>
  </fieldset>`;
}

export function transitionDialogBody(page) {
  const d = page.dialog;
  const l = page.language;
  const inputs = asked(page, d.action);
  if (!inputs.length) return d.busy ? html`<p class="loading">${t(l, 'loading')}</p>` : nothing;
  // the lines first, then switches and references, then the plain texts: what is delivered before how
  const rank = (i) => (i.name === 'lines' ? 0 : i.type === 'boolean' ? 2 : referenceField(d, i) ? 1 : 3);
  return [...inputs].sort((a, b) => rank(a) - rank(b)).map((input) => {
    if (input.name === 'lines') return linesInput(page);
    const id = `transition-${input.name}`;
    const error = (d.errors || {})[input.name];
    const text = input.name === 'comment' ? t(l, 'transition.comment') : t(l, `transition.input.${input.name}`) || input.name;
    const set = (e) => page.patchDialog({ values: { ...d.values, [input.name]: e.target.value } });
    const errorText = error ? html`<p class="field-error" id=${`${id}-error`} role="alert">${error}</p>` : nothing;
    if (input.type === 'boolean') {
      return html`<div class="form-field check ${error ? 'has-error' : ''}">
        <label for=${id}>${text}</label>
        <input type="checkbox" id=${id} .checked=${Boolean(d.values[input.name])} aria-describedby=${error ? `${id}-error` : nothing}
          @change=${(e) => page.patchDialog({ values: { ...page.dialog.values, [input.name]: e.target.checked } })}>
        ${errorText}
      </div>`;
    }
    const reference = referenceField(d, input);
    if (reference) {
      return html`<div class="form-field ${error ? 'has-error' : ''}">
        <label for=${id}>${label(reference.label, l, text)}</label>
        ${fieldControl({ field: reference, value: d.values[input.name] || null, record: null, entities: page.entities, language: l, id, error,
          onChange: (v) => page.patchDialog({ values: { ...page.dialog.values, [input.name]: v } }) })}
        ${errorText}
      </div>`;
    }
    return html`<div class="form-field ${error ? 'has-error' : ''}">
      <label for=${id}>${text}${input.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
      ${input.name === 'comment'
        ? html`<textarea id=${id} rows="4" ?required=${input.required} .value=${d.values[input.name] || ''}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @input=${set}></textarea>`
        : html`<input id=${id} type=${input.format === 'date' ? 'date' : 'text'} ?required=${input.required} .value=${d.values[input.name] || ''}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @input=${set} @change=${set}>`}
      ${errorText}
    </div>`;
  });
}

/** The reference field of the record the action makes that an id input names (a delivery note's warehouseId), if any. */
function referenceField(dialog, input) {
  if (input.type !== 'string' || !/Id$/.test(input.name) || !dialog.answerMeta) return null;
  const field = (dialog.answerMeta.fields || []).find((f) => f.name === input.name && f.type === 'reference' && f.referenceTo);
  return field || null;
}

/**
 * A refusal at the lines it concerns: the 400's `lines[i]…` errors at the i-th line sent (a member that is an input
 * of the dialog, such as the stock ledger's unknown warehouse, at that input), and a 409 shortage at the lines of
 * the product short (a bundled or gift item's shortage has no line: the dialog's message names it).
 */
function lineErrors(error, sent, inputNames, language) {
  const problem = (error && error.problem) || {};
  const byLine = {};
  const byInput = {};
  for (const e of problem.errors || []) {
    const m = /^lines\[(\d+)\](?:\.(\w+))?$/.exec((e && e.field) || '');
    if (!m) continue;
    if (m[2] && inputNames.has(m[2])) {
      byInput[m[2]] = e.message;
    } else if (sent[Number(m[1])]) {
      const id = sent[Number(m[1])].id;
      byLine[id] = byLine[id] ? `${byLine[id]}; ${e.message}` : e.message;
    }
  }
  for (const shortage of problem.shortages || []) {
    sent.filter((row) => row.productId && row.productId === shortage.productId)
      .forEach((row) => { byLine[row.id] = t(language, 'transition.lines.short', shortage); });
  }
  return { byLine, byInput };
}

export function transitionSubmit(page) {
  const d = page.dialog;
  if (!asked(page, d.action).length) return nothing;
  return html`<button type="submit" id="dialog-submit" ?disabled=${d.busy}>${transitionLabel(page.language, d.action)}</button>`;
}

/**
 * Runs the dialog's action: the record read again when the answer is the record itself; the other record opened
 * when it made one (a revision, an order, a contract); a PDF downloaded.
 */
export function runTransition(page) {
  const { action, values, lines } = page.dialog;
  const body = {};
  const inputs = new Map((action.inputs || []).map((i) => [i.name, i]));
  for (const [name, value] of Object.entries(values || {})) {
    if (inputs.has(name) && inputs.get(name).type === 'boolean') {
      if (value) body[name] = true;
    } else if (value && String(value).trim()) body[name] = String(value).trim();
  }
  let sent = [];
  const layout = lines && linesLayout(page, action);
  if (layout) {
    // 0 or empty skips a line; anything else goes to the server as typed (a number when it is one), which judges it
    sent = lines.filter((row) => String(row.quantity).trim() !== '' && Number(String(row.quantity).trim()) !== 0);
    if (!sent.length) {
      // an empty list would mean "everything that remains" to the server: not what zero everywhere says
      page.patchDialog({ error: t(page.language, 'transition.lines.pick'), lineErrors: {} });
      return Promise.resolve();
    }
    const member = `${layout.entity.charAt(0).toLowerCase()}${layout.entity.slice(1)}Id`;
    body.lines = sent.map((row) => {
      const typed = String(row.quantity).trim();
      return { [member]: row.id, quantity: Number.isFinite(Number(typed)) ? Number(typed) : typed };
    });
  }
  page.patchDialog({ lineErrors: {} });
  return page.run(async () => {
    if (action.answer === 'pdf') {
      const blob = await apiBlob('POST', `${page.base}/${action.name}`, body);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `${displayName(page.record) || page.record.id}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      page.closeDialog();
      return;
    }
    let result;
    try {
      result = await page.perform(action.name, body);
    } catch (e) {
      const { byLine, byInput } = lineErrors(e, sent, inputs, page.language);
      if (page.dialog) page.patchDialog({ lineErrors: byLine });
      if (e.problem && Object.keys(byInput).length) e.problem.errors = [...(e.problem.errors || []), ...Object.entries(byInput).map(([field, message]) => ({ field, message }))];
      throw e;
    }
    page.closeDialog();
    if (result && result.id && (action.answerEntity !== page.entity.name || result.id !== page.record.id)) {
      const type = entityByName(page.entities, action.answerEntity);
      if (type) {
        location.hash = href([type.plural, result.id]);
        return;
      }
    }
    await page.reload();
    page.loadTimeline();
  });
}
