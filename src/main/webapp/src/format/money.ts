// Money arrives from the API as JSON numbers of whole won (BigDecimal on the server); the UI only formats it.
const figures = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

/** 1234500 → "1,234,500원" */
export function won(amount: number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') {
    return '—';
  }
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(value)) {
    return '—';
  }
  return `${figures.format(value)}원`;
}
