import ICAL from 'ical.js';

export type ParsedEvent = { uid: string; start: string; end: string; summary: string; location: string; url: string };

/** The events of an iCalendar text as a real parser (ical.js) reads them, instants in UTC ISO form. */
export function parseIcsEvents(ics: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      summary: event.summary,
      location: event.location,
      url: String(vevent.getFirstPropertyValue('url') ?? ''),
    };
  });
}
