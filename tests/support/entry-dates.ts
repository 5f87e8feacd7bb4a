// An entry's `date` and `calendar` as the check reads them, for the date tests:
// the date it gives, or the problem it is refused with.
import { type Calendar, type EventDate, parseEventDate, withCalendar } from "../../src/content/dates.ts";

/** The entry's date as the check reads it: `date` then `calendar`; throws if either is refused. */
export function read(text: string, calendar?: Calendar): EventDate {
  const parsed = parseEventDate(text);
  if (!parsed.ok) throw new Error(`expected "${text}" to parse, got: ${parsed.problem}`);
  const dated = withCalendar(parsed.date, calendar);
  if (!dated.ok) throw new Error(`expected "${text}" in ${calendar}, got: ${dated.problem}`);
  return dated.date;
}

/** The problem and fix a date (and calendar) is refused with; throws if it is taken. */
export function refused(text: string, calendar?: Calendar): { problem: string; fix: string } {
  const parsed = parseEventDate(text);
  const result = parsed.ok ? withCalendar(parsed.date, calendar) : parsed;
  if (result.ok) throw new Error(`expected "${text}" to be refused`);
  return result;
}
