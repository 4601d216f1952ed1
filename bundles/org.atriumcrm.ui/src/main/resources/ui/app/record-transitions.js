// A record's state transitions as buttons (submit for approval, approve, reject with a comment, send, convert to an
// order or a contract, print…), from the metadata's `actionDetails`: an action that answers a record or a PDF is a
// button, offered in the states its `when` names (always when it names none); its inputs (a comment, a contract's
// name and dates) are asked for in a dialog, its refusal (409 with the reason, 403, 400 at the input) shown there.
// The record page's own actions (convert, advance, close…) keep their own screens.

import { html, nothing } from 'lit';
import { apiBlob } from './api.js';
import { addWords, t } from './i18n.js';
import { href } from './routes.js';
import { OWN_ACTIONS as OWN, displayName, entityByName } from './record-kit.js';

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
  },
});

const SIMPLE = new Set(['string', 'number', 'integer']);

/**
 * The inputs the dialog asks for: the plain ones. An optional list or switch (the lines of a delivery, "issue at once")
 * is left to the server's default, so that such an action is still offered.
 */
function asked(action) {
  return (action.inputs || []).filter((i) => SIMPLE.has(i.type));
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
  page.open('transition', { action, values: {} });
  if (!asked(action).length) runTransition(page);
}

export function transitionDialogBody(page) {
  const d = page.dialog;
  const l = page.language;
  const inputs = asked(d.action);
  if (!inputs.length) return d.busy ? html`<p class="loading">${t(l, 'loading')}</p>` : nothing;
  return inputs.map((input) => {
    const id = `transition-${input.name}`;
    const error = (d.errors || {})[input.name];
    const text = input.name === 'comment' ? t(l, 'transition.comment') : t(l, `transition.input.${input.name}`) || input.name;
    const set = (e) => page.patchDialog({ values: { ...d.values, [input.name]: e.target.value } });
    const common = { id, error };
    return html`<div class="form-field ${error ? 'has-error' : ''}">
      <label for=${id}>${text}${input.required ? html`<span class="req" aria-hidden="true"> *</span>` : nothing}</label>
      ${input.name === 'comment'
        ? html`<textarea id=${id} rows="4" ?required=${input.required} .value=${d.values[input.name] || ''}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @input=${set}></textarea>`
        : html`<input id=${id} type=${input.format === 'date' ? 'date' : 'text'} ?required=${input.required} .value=${d.values[input.name] || ''}
            aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} @input=${set} @change=${set}>`}
      ${error ? html`<p class="field-error" id=${`${common.id}-error`} role="alert">${error}</p>` : nothing}
    </div>`;
  });
}

export function transitionSubmit(page) {
  const d = page.dialog;
  if (!asked(d.action).length) return nothing;
  return html`<button type="submit" id="dialog-submit" ?disabled=${d.busy}>${transitionLabel(page.language, d.action)}</button>`;
}

/**
 * Runs the dialog's action: the record read again when the answer is the record itself; the other record opened
 * when it made one (a revision, an order, a contract); a PDF downloaded.
 */
export function runTransition(page) {
  const { action, values } = page.dialog;
  const body = {};
  for (const [name, value] of Object.entries(values || {})) {
    if (value && String(value).trim()) body[name] = String(value).trim();
  }
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
    const result = await page.perform(action.name, body);
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
