/**
 * A group's calendar (`group.timezone`, an IANA name; the machine's own when the config names none):
 * the day a digest is dated by, where a bare date given on the command line starts, the weekday a
 * weekly e-mail goes out. A lab in Shanghai building at 05:30 gets that morning's date, not the UTC
 * day before.
 */

/** Whether `zone` is a time zone this runtime knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The machine's own time zone: what cron and `date` go by. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-07-21`: the day `instant` falls on in `zone`. */
export function localDay(instant: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  return format.format(instant);
}

/** 0 (Sunday) to 6: the weekday `instant` falls on in `zone`, as Date#getDay counts. */
export function localWeekday(instant: Date, zone: string): number {
  return new Date(`${localDay(instant, zone)}T12:00:00Z`).getUTCDay();
}

/** How far `zone`'s clocks are ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, zone: string): number {
  let format = partsFormats.get(zone);
  if (!format) {
    partsFormats.set(zone, format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    }));
  }
  const part = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  const asUtc = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
  return asUtc - (instant - (instant % 1000));
}

/** The instant day `YYYY-MM-DD` starts in `zone` (its local midnight, or the first moment after a gap). */
export function startOfDay(day: string, zone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // The offset at a first guess, then at the instant it gives (they differ when a clock change falls between).
  let instant = wall - offsetAt(wall, zone);
  instant = wall - offsetAt(instant, zone);
  // Where the clocks jump over midnight, that lands in the day before: the day starts when the gap ends.
  while (localDay(new Date(instant), zone) < day) instant += 30 * 60_000;
  return new Date(instant);
}
