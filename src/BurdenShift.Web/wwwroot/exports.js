// Briefing packs take a few seconds to build: the page fetches the pack itself, so it can show a
// progress indicator meanwhile and the reason if the server refuses, then saves the file.
window.burdenShiftExports = {
  download: async (url) => {
    let response;
    try {
      response = await fetch(url, { credentials: "same-origin" });
    } catch (e) {
      return `The pack could not be fetched: ${e}`;
    }
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const problem = await response.json();
        detail = problem.detail || problem.title || detail;
      } catch { /* not problem details */ }
      return `The pack could not be built (${response.status}): ${detail}`;
    }
    const blob = await response.blob();
    const match = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") || "");
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = match ? match[1] : "burdenshift-pack";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    return null;
  },
};
