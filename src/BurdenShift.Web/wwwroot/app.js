// Remembers the colour scheme per browser; Blazor calls these through JS interop.
window.burdenShift = {
  getTheme: () => {
    try { return localStorage.getItem("burdenshift-theme"); } catch { return null; }
  },
  setTheme: (value) => {
    try { localStorage.setItem("burdenshift-theme", value); } catch { /* private mode: not remembered */ }
  },
  prefersDark: () => window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches,
};
