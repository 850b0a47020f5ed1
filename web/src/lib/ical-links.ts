/**
 * The `webcal:` address of a feed: calendar apps subscribe to it (and keep it up to date)
 * instead of importing a copy. Same host and path as the https feed; webcal has no secure
 * variant of its own, apps fetch it over https when the site is served so.
 */
export function webcalUrl(origin: string, path: string): string {
  return `${origin.replace(/^https?:/, 'webcal:')}${path}`;
}
