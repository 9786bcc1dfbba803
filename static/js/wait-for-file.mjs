// A page waiting for a file (a CPD export, a training report file) asks the server again
// every few seconds and, once the file is ready or could not be prepared, shows that in
// place and moves focus to the new heading, so a screen reader announces it. The page
// never reloads itself (WCAG 2.2.1, failure F41); without JavaScript it has a "Check
// again" link.

const INTERVAL_MS = 5000;

function start(region) {
  const check = async () => {
    let next = null;
    try {
      const response = await fetch(window.location.href, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "text/html" },
      });
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      next = page.getElementById(region.id);
      if (next && next.dataset.state !== "waiting") document.title = page.title;
    } catch {
      // Offline for a moment: try again at the next interval.
    }
    if (next === null || next.dataset.state === "waiting") {
      window.setTimeout(check, INTERVAL_MS);
      return;
    }
    region.replaceWith(next);
    const heading = next.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  };
  window.setTimeout(check, INTERVAL_MS);
}

const region = document.querySelector("[data-wait-for-file]");
if (region && region.dataset.state === "waiting") start(region);
