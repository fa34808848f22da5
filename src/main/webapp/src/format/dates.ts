// Business days are Korean days (the API's date filters are KST too), wherever the browser is.
const seoul = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "2026-12-05T16:30:00Z" → "2026-12-06" (the day in Seoul) */
export function day(instant: string | null | undefined): string {
  return instant ? seoul.format(new Date(instant)) : '—';
}

const seoulMinute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** "2026-12-05T16:30:00Z" → "2026-12-06 01:30" (the time in Seoul) */
export function minute(instant: string | null | undefined): string {
  return instant ? seoulMinute.format(new Date(instant)) : '—';
}
