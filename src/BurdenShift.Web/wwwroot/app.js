// Remembers the colour scheme per browser; Blazor calls these through JS interop.
window.burdenShift = {
  getTheme: () => {
    try { return localStorage.getItem("burdenshift-theme"); } catch { return null; }
  },
  setTheme: (value) => {
    try { localStorage.setItem("burdenshift-theme", value); } catch { /* private mode: not remembered */ }
    // Static pages (no circuit) are rendered on the server, which reads the choice from this cookie.
    document.cookie = `burdenshift-theme=${value}; path=/; max-age=31536000; samesite=lax`;
  },
  prefersDark: () => window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches,
};

// Pages sent without a circuit (anonymous readers of the overview, ADR 0015): what the circuit does on
// interactive pages, done here with navigations that Blazor's enhanced navigation turns into a fetch
// and a DOM update. Nothing of this runs on an interactive page (no data-static-page on it).
(() => {
  const staticPage = () => document.querySelector("[data-static-page]");
  // Of the static pages, those that follow the figures (not the account forms): they carry the version.
  const livePage = () => document.querySelector("[data-live-version]");
  const go = (url, replace) => {
    if (window.Blazor && Blazor.navigateTo) {
      Blazor.navigateTo(url.toString(), { replaceHistoryEntry: !!replace });
    } else {
      location.assign(url.toString());
    }
  };

  // Filters and sort: the same address with the changed value (a default value leaves the address).
  document.addEventListener("change", (e) => {
    const field = e.target.closest("[data-static-filters] [data-query]");
    if (!field || !staticPage()) return;
    const url = new URL(location.href);
    const value = field.type === "checkbox" ? (field.checked ? field.dataset.checked : "") : field.value;
    if (!value || value === field.dataset.default) url.searchParams.delete(field.dataset.query);
    else url.searchParams.set(field.dataset.query, value);
    go(url);
  });

  // The as-of and the "as known on" fields: a whole date typed (YYYY-MM-DD) replays that date.
  const dateFields = { "as-of-input": "asOf", "known-at-input": "knownAt" };
  document.addEventListener("input", (e) => {
    const name = dateFields[e.target.id];
    if (!name || !staticPage()) return;
    const text = e.target.value.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return;
    const url = new URL(location.href);
    if (url.searchParams.get(name) === text) return;
    url.searchParams.set(name, text);
    go(url);
  });

  // Dark mode: remembered, then the page is rendered again in the other scheme.
  document.addEventListener("click", (e) => {
    const toggle = e.target.closest("[data-testid='theme-toggle']");
    const layout = staticPage();
    if (!toggle || !layout) return;
    window.burdenShift.setTheme(layout.classList.contains("theme-dark") ? "light" : "dark");
    go(new URL(location.href), true);
  });

  // The pages menu of a narrow window: opened and closed here, as the circuit does on interactive pages.
  document.addEventListener("click", (e) => {
    const toggle = e.target.closest("[data-testid='nav-toggle']");
    if (!toggle || !staticPage()) return;
    const open = toggle.closest(".top-bar").classList.toggle("nav-open");
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });

  // Escape closes it and gives focus back to its button.
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !staticPage()) return;
    const bar = document.querySelector(".top-bar.nav-open");
    if (!bar) return;
    bar.classList.remove("nav-open");
    const toggle = bar.querySelector("[data-testid='nav-toggle']");
    toggle?.setAttribute("aria-expanded", "false");
    toggle?.focus();
  });

  // Live updates: ask this instance for the data version with the one this page shows (or last
  // heard of); the server holds the answer until the version moves (it reads it four times a second
  // for everyone, no SQL per request), or for 25 s. On a change, render the same address again and say
  // what changed. A hidden tab lets go of its request (browsers allow few connections per server) and
  // asks again when it is shown.
  let polling = false;
  let heard;
  let request;
  const poll = async () => {
    const layout = livePage();
    if (!layout || document.visibilityState === "hidden") { polling = false; return; }
    // The pause after an answer that was not held, or a failure: never under a second, so a
    // restarting server is not asked several times a second by every open page.
    const every = Math.max(Number(layout.dataset.livePoll) || 1000, 1000);
    const since = heard ?? layout.dataset.liveVersion ?? "";
    const asked = Date.now();
    let wait = 0;
    request = new AbortController();
    try {
      const answer = await fetch(`live/version?since=${encodeURIComponent(since)}`,
        { cache: "no-store", headers: { accept: "application/json" }, signal: request.signal });
      if (answer.ok) {
        const live = await answer.json();
        if (live.version && live.version !== since && livePage()) {
          heard = live.version;
          go(new URL(location.href), true);
          const notice = () => {
            const el = document.querySelector("[data-testid='live-notice']");
            if (el) {
              (el.querySelector(".mud-alert-message") || el).textContent = `Figures updated: ${live.summary || "new data"}.`;
              el.hidden = false;
            }
          };
          // After the enhanced navigation has patched the page in.
          if (window.Blazor && Blazor.addEventListener) {
            const once = () => { notice(); Blazor.removeEventListener("enhancedload", once); };
            Blazor.addEventListener("enhancedload", once);
          }
        } else if (Date.now() - asked < every) {
          wait = every; // answered at once with nothing new (not held): do not ask in a tight loop
        }
      } else {
        wait = every;
      }
    } catch { wait = every; /* let go of (hidden tab), or the server is restarting: try again */ }
    request = undefined;
    setTimeout(poll, wait);
  };
  const start = () => {
    if (!polling && livePage() && document.visibilityState !== "hidden") { polling = true; setTimeout(poll, 0); }
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") request?.abort();
    else start();
  });
  document.addEventListener("DOMContentLoaded", start);
  // A static page reached by enhanced navigation (from another static page, or the same address
  // rendered again after a change): it shows the version it was rendered at.
  const loaded = () => { heard = undefined; start(); };
  if (window.Blazor && Blazor.addEventListener) Blazor.addEventListener("enhancedload", loaded);
  else window.addEventListener("load", () => window.Blazor?.addEventListener?.("enhancedload", loaded));
  if (document.readyState !== "loading") start();
})();
