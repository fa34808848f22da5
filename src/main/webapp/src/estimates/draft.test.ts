import { describe, expect, it } from 'vitest';
import type { Schemas } from '../api/http';
import { draftForm, emptyDraft, formPath, formPathOf, fromTemplate, previewable, templateOf, toRequest } from './draft';

describe('the estimate form', () => {
  it('maps API field paths to form paths', () => {
    expect(formPath('items[0].quantity')).toBe('items.0.quantity');
    expect(formPath('items[12].productCode')).toBe('items.12.productCode');
    expect(formPath('customerCode')).toBe('customerCode');
  });

  it('leaves optional fields out of the request rather than sending them blank', () => {
    const request = toRequest({ ...emptyDraft(), customerCode: 'C-1', items: [{ productCode: 'P', quantity: 2, discountRate: 0 }] });
    expect(request).toEqual({ customerCode: 'C-1', discountRate: 0, items: [{ productCode: 'P', quantity: 2, discountRate: 0 }] });
  });

  it('previews only what can be priced', () => {
    const draft = { ...emptyDraft(), items: [{ productCode: 'P', quantity: 2, discountRate: 0 }] };
    expect(previewable(draft)).toBeNull();
    const withCustomer = { ...draft, customerCode: 'C-1' };
    expect(previewable(withCustomer)?.request.items).toHaveLength(1);
    const halfFilled = {
      ...withCustomer,
      items: [{ productCode: '', quantity: 1, discountRate: 0 }, ...withCustomer.items],
    };
    const preview = previewable(halfFilled);
    expect(preview?.request.items).toEqual([{ productCode: 'P', quantity: 2, discountRate: 0 }]);
    // the API's items[0] is the form's second line
    expect(formPathOf('items[0].productCode', preview!.lines)).toBe('items.1.productCode');
    expect(formPathOf('customerCode', preview!.lines)).toBe('customerCode');
  });

  it('checks numbers as the API does', () => {
    const line = { productCode: 'P', quantity: 0, discountRate: 101 };
    const result = draftForm.safeParse({ ...emptyDraft(), customerCode: 'C', items: [line] });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => `${issue.path.join('.')}=${issue.message}`);
    expect(messages).toEqual(['items.0.quantity=editor.positive', 'items.0.discountRate=editor.rate']);
    expect(draftForm.safeParse({ ...emptyDraft(), customerCode: 'C', items: [] }).error?.issues[0].message).toBe('editor.oneLine');
  });
});

describe('templates', () => {
  const template = {
    id: 7, name: '분전반 기본', description: null, discountRate: 2, note: '현장 납품', owner: 'sales1', updatedAt: '2026-12-06T00:00:00Z',
    items: [{ productCode: 'MCB-1P-16', quantity: 12, discountRate: null, note: null }],
  } as unknown as Schemas['TemplateResponse'];

  it('start a new estimate with their lines, discount and note, the customer still to choose', () => {
    const form = fromTemplate(template);
    expect(form.customerCode).toBe('');
    expect(form.discountRate).toBe(2);
    expect(form.note).toBe('현장 납품');
    expect(form.items).toEqual([{ productCode: 'MCB-1P-16', quantity: 12, discountRate: 0 }]);
  });

  it("are kept from an estimate's lines under a trimmed name", () => {
    const estimate = {
      number: 'EST-2026-000001', customer: { code: 'C-HANBIT', name: '한빛전기' }, discountRate: 0, note: null,
      items: [{ productCode: 'MCB-1P-16', quantity: 12, discountRate: 5 }],
    } as unknown as Schemas['EstimateResponse'];
    const request = templateOf('  분전반  ', estimate);
    expect(request.name).toBe('분전반');
    expect(request.description).toBe('EST-2026-000001 · 한빛전기');
    expect(request.items).toEqual([{ productCode: 'MCB-1P-16', quantity: 12, discountRate: 5 }]);
  });
});
