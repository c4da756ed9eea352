// The demo retailer page: a product page with the snapkit configurator and a basket fed by its messages.
import { embedConfigurator } from "./snapkit-embed.js";

const page = new URL(location.href);
// The configurator runs on its own origin; `cargo xtask serve` serves it one port below this page.
const configurator = page.searchParams.get("configurator") ?? `${page.protocol}//${page.hostname}:${Number(page.port) - 1}/`;
const $ = (selector) => document.querySelector(selector);
let currency = "NOK";
let locale = "en";
const money = (minor) => new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 100);

const shop = embedConfigurator($("#configurator"), {
  configurator,
  catalog: page.searchParams.get("catalog") ?? "shelving",
  // A showroom screen shows the shop page with `?kiosk=1[&idle=SECONDS]`.
  kiosk: page.searchParams.has("kiosk") && { idleSeconds: Number(page.searchParams.get("idle")) || undefined },
  on: {
    ready: (message) => {
      document.body.dataset.readies = String(Number(document.body.dataset.readies ?? 0) + 1);
      $(".basket-status").textContent = `Configurator ready (${message.catalog} ${message.version})`;
      $(".basket-status").dataset.state = "ready";
    },
    change: (message) => {
      currency = message.currency;
      const parts = `${message.parts} part${message.parts === 1 ? "" : "s"}`;
      $(".basket-status").textContent = message.orderable
        ? `${parts} · ready to order`
        : `${parts} · ${message.errors} problem(s) to solve`;
      $(".basket-status").dataset.parts = String(message.parts);
      $(".basket-total").textContent = money(message.total);
      $(".add-to-basket").disabled = !message.orderable;
      $(".basket-error").hidden = true;
    },
    order: ({ order }) => {
      $(".basket-order").hidden = false;
      $(".order-id").textContent = `Design ${order.configuration_id} · ${money(order.total)}`;
      $(".order-lines").replaceChildren(
        ...[...order.lines, ...order.hardware].map((line) => {
          const item = document.createElement("li");
          item.textContent = `${line.quantity} × ${line.name} (${line.sku})`;
          return item;
        }),
      );
      document.body.dataset.orders = String(Number(document.body.dataset.orders ?? 0) + 1);
    },
    error: (message) => {
      const error = $(".basket-error");
      error.hidden = false;
      error.textContent = message.message;
      error.dataset.code = message.code;
    },
  },
});

$(".add-to-basket").addEventListener("click", () => shop.getOrder());
$(".start-over").addEventListener("click", () => shop.reset());
$(".language").addEventListener("change", (event) => {
  locale = event.target.value;
  shop.setLocale(locale);
});
// For the end-to-end tests and the curious: the helper's handle.
window.snapkitShop = shop;
