// snapkit-embed.js: the optional helper for a page that embeds the snapkit configurator.
// It builds the <iframe>, checks every message's origin, source and protocol, and sends commands.
// Protocol: docs/embedding.md ("snapkit.embed/1").

export const PROTOCOL = "snapkit.embed/1";

/**
 * Puts the configurator into `container`.
 * @param {HTMLElement} container
 * @param {{configurator: string, catalog?: string, link?: string, locale?: string,
 *          kiosk?: boolean | {idleSeconds?: number},
 *          on?: {ready?: Function, change?: Function, order?: Function, error?: Function}}} options
 */
export function embedConfigurator(container, { configurator, catalog, link, locale, kiosk, on = {} }) {
  const base = new URL(configurator);
  const src = new URL(base);
  src.searchParams.set("embed", "1");
  src.searchParams.set("allow", location.origin);
  if (catalog) src.searchParams.set("catalog", catalog);
  if (locale) src.searchParams.set("locale", locale);
  if (kiosk) {
    src.searchParams.set("kiosk", "1");
    if (kiosk.idleSeconds) src.searchParams.set("idle", String(kiosk.idleSeconds));
  }
  if (link) src.hash = link.includes("#") ? link.slice(link.indexOf("#")) : `#c=${link}`;

  const frame = document.createElement("iframe");
  frame.src = src.href;
  frame.title = "Product configurator";
  frame.allow = "clipboard-write";
  container.append(frame);

  window.addEventListener("message", (event) => {
    if (event.origin !== base.origin || event.source !== frame.contentWindow) return;
    const message = event.data;
    if (typeof message !== "object" || message === null || message.protocol !== PROTOCOL) return;
    on[message.type]?.(message);
  });

  const send = (command) => frame.contentWindow.postMessage({ protocol: PROTOCOL, ...command }, base.origin);
  return {
    frame,
    /** Opens a share link (string) or an order document (object). */
    load: (what) => send(typeof what === "string" ? { type: "load", link: what } : { type: "load", order: what }),
    /** Asks for the order; the answer is an `order` or an `error` event. */
    getOrder: () => send({ type: "getOrder" }),
    /** Changes the configurator's language and number formats, e.g. "nb-NO". */
    setLocale: (locale) => send({ type: "setLocale", locale }),
    /** Starts again from the catalog's starting point. */
    reset: () => send({ type: "reset" }),
  };
}
