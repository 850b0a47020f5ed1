/**
 * The message the embedded calendar sends its parent page whenever its content height changes,
 * so the page's iframe can be as tall as the calendar (no inner scrollbar). Not secret, so it is
 * posted to any origin; the receiver checks sender and origin (loader.ts).
 */
export const HEIGHT_MESSAGE = 'regiokurs:height';

export type HeightMessage = { type: typeof HEIGHT_MESSAGE; height: number };

export function isHeightMessage(data: unknown): data is HeightMessage {
  const m = data as Partial<HeightMessage> | null;
  return typeof m === 'object' && m !== null && m.type === HEIGHT_MESSAGE && typeof m.height === 'number' && m.height > 0;
}
