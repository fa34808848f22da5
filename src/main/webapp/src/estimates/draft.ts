import { z } from 'zod';
import type { Schemas } from '../api/http';

/**
 * The estimate form as the salesperson fills it. Numbers are checked as the API checks them (docs: EstimateRequest),
 * so most mistakes show at the field before a request is sent; the API's own problems land at the same fields.
 */
export const draftForm = z.object({
  customerCode: z.string().min(1, 'editor.required'),
  validUntil: z.string(),
  discountRate: z.number().min(0, 'editor.rate').max(100, 'editor.rate'),
  note: z.string().max(1000),
  items: z
    .array(
      z.object({
        productCode: z.string().min(1, 'editor.required'),
        quantity: z.number({ error: 'editor.required' }).gt(0, 'editor.positive').max(1_000_000),
        discountRate: z.number().min(0, 'editor.rate').max(100, 'editor.rate'),
      }),
    )
    .min(1, 'editor.oneLine'),
});

export type DraftForm = z.infer<typeof draftForm>;

export const emptyLine: DraftForm['items'][number] = { productCode: '', quantity: 1, discountRate: 0 };

export function emptyDraft(): DraftForm {
  return { customerCode: '', validUntil: '', discountRate: 0, note: '', items: [{ ...emptyLine }] };
}

/** What the API takes; empty optional fields are left out rather than sent blank. */
export function toRequest(form: DraftForm): Schemas['EstimateRequest'] {
  return {
    customerCode: form.customerCode,
    validUntil: form.validUntil || undefined,
    discountRate: form.discountRate,
    note: form.note.trim() || undefined,
    items: form.items.map((line) => ({
      productCode: line.productCode,
      quantity: line.quantity,
      discountRate: line.discountRate,
    })),
  };
}

/**
 * What a preview can price: the lines with a product and a positive quantity (none without a customer), and for
 * each of them its place in the form, so that a problem the API names at `items[1]` lands on the right line.
 */
export function previewable(form: DraftForm): { request: Schemas['EstimateRequest']; lines: number[] } | null {
  const lines = form.items
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.productCode && Number.isFinite(line.quantity) && line.quantity > 0);
  if (!form.customerCode || lines.length === 0) {
    return null;
  }
  return {
    request: toRequest({ ...form, items: lines.map(({ line }) => line) }),
    lines: lines.map(({ index }) => index),
  };
}

/** The form's path of a field the API named in a request made of some of the form's lines. */
export function formPathOf(apiField: string, lines: number[]): string {
  return formPath(apiField.replace(/^items\[(\d+)\]/, (_whole, sent: string) => `items[${lines[Number(sent)] ?? sent}]`));
}

/** Saved lines (an estimate's, a template's) as the form holds them: a rate the API left out is 0. */
function linesOf(items: { productCode: string; quantity: number; discountRate?: number | null }[]): DraftForm['items'] {
  return items.map((item) => ({ productCode: item.productCode, quantity: item.quantity, discountRate: item.discountRate ?? 0 }));
}

/** A saved estimate back in the form, to revise it. */
export function fromEstimate(estimate: Schemas['EstimateResponse']): DraftForm {
  return {
    customerCode: estimate.customer.code,
    validUntil: estimate.validUntil ?? '',
    discountRate: estimate.discountRate ?? 0,
    note: estimate.note ?? '',
    items: linesOf(estimate.items),
  };
}

/** The API names fields as JSON paths (`items[0].quantity`); the form as dotted paths (`items.0.quantity`). */
export function formPath(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1');
}

/** A new estimate's form started from a template: its lines, discount and note; the customer still to choose. */
export function fromTemplate(template: Schemas['TemplateResponse']): DraftForm {
  return {
    ...emptyDraft(),
    discountRate: template.discountRate ?? 0,
    note: template.note ?? '',
    items: linesOf(template.items),
  };
}

/** An estimate's current lines kept as a template under a name of the salesperson's choosing. */
export function templateOf(name: string, estimate: Schemas['EstimateResponse']): Schemas['TemplateRequest'] {
  return {
    name: name.trim(),
    description: `${estimate.number} · ${estimate.customer.name}`,
    discountRate: estimate.discountRate ?? 0,
    note: estimate.note ?? undefined,
    items: linesOf(estimate.items),
  };
}
