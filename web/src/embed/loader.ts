/**
 * embed.js: the one classic script a municipality's website loads from regiokurs (built as an
 * IIFE with a stable name by web/vite.config.ts). It sizes every regiokurs iframe on the page to
 * its content and defines <regiokurs-calendar>, which hosts the same iframe in its shadow root,
 * so the embed is the app itself: the same filters, texts and accessibility.
 */
import { isHeightMessage } from './protocol';

const origin = new URL((document.currentScript as HTMLScriptElement | null)?.src ?? location.href).origin;
/** Frames inside the elements' shadow roots, which `document.querySelectorAll` does not reach. */
const hosted = new Set<HTMLIFrameElement>();

window.addEventListener('message', (event) => {
  // Only our own frames may resize themselves: the sender is one of them, from regiokurs' origin.
  if (event.origin !== origin || !isHeightMessage(event.data)) return;
  const frame = [...document.querySelectorAll('iframe'), ...hosted].find((f) => f.contentWindow === event.source);
  if (frame) frame.style.height = `${Math.ceil(event.data.height)}px`;
});

const TITLES = { de: 'Angebote für Familien der Region (regiokurs)', en: 'Offers for families of the region (regiokurs)' };

class RegiokursCalendar extends HTMLElement {
  static observedAttributes = ['municipality', 'category', 'lang'];
  #frame = document.createElement('iframe');

  connectedCallback() {
    if (!this.shadowRoot) {
      const style = document.createElement('style');
      style.textContent = ':host{display:block}iframe{display:block;width:100%;height:700px;border:0}';
      this.attachShadow({ mode: 'open' }).append(style, this.#frame);
    }
    hosted.add(this.#frame);
    this.#update();
  }

  disconnectedCallback() {
    hosted.delete(this.#frame);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#update();
  }

  #update() {
    const lang = this.getAttribute('lang') === 'en' ? 'en' : 'de';
    const url = new URL('/embed', origin);
    for (const name of ['municipality', 'category']) {
      const value = this.getAttribute(name);
      if (value) url.searchParams.set(name, value);
    }
    url.searchParams.set('lang', lang);
    this.#frame.title = TITLES[lang];
    if (this.#frame.src !== url.href) this.#frame.src = url.href;
  }
}

if (!customElements.get('regiokurs-calendar')) customElements.define('regiokurs-calendar', RegiokursCalendar);
