// Save a draft record on the server while the learner types: at most every 30 seconds,
// and when they leave a field. Nothing is kept in the browser's storage. The page says
// "Saved at 10:42", or "Not saved - check your connection" when a save fails or takes
// longer than one interval. A record changed in another tab is never overwritten: the
// server refuses the stale version and the text stays on screen.

const INTERVAL_MS = 30000;

function start(form) {
  const url = form.dataset.autosaveUrl;
  const status = form.querySelector(".app-autosave-status");
  const version = form.querySelector("input[name=version]");
  let dirty = false;
  let saving = null; // the save in flight, if any
  let stale = false;
  let submitting = false;
  let lastSave = 0;

  const say = (message, failed) => {
    status.textContent = message;
    status.classList.toggle("app-autosave-status--failed", Boolean(failed));
  };

  function save() {
    if (!dirty || saving || stale || submitting) return saving;
    saving = send().finally(() => {
      saving = null;
    });
    return saving;
  }

  async function send() {
    dirty = false;
    lastSave = Date.now();
    const body = new FormData(form);
    body.delete("action");
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), INTERVAL_MS);
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
        signal: controller.signal,
      });
      const result = await response.json();
      if (response.ok) {
        version.value = result.version;
        say(result.message, false);
      } else {
        if (response.status === 409) stale = true;
        else dirty = true;
        say(result.message, true);
      }
    } catch {
      dirty = true;
      say(form.dataset.offlineMessage || "Not saved - check your connection", true);
    } finally {
      clearTimeout(timer);
    }
  }

  form.addEventListener("input", () => {
    dirty = true;
  });
  form.addEventListener("change", () => {
    dirty = true;
  });
  let pending = null; // a save waiting for the one-second spacing between saves
  function saveSoon() {
    if (pending) return;
    const wait = Math.max(0, 1000 - (Date.now() - lastSave));
    pending = setTimeout(async () => {
      pending = null;
      if (saving) await saving;
      save();
    }, wait);
  }

  form.addEventListener("focusout", (event) => {
    // Leaving a field for a submit button: the submit itself saves.
    if (event.relatedTarget && event.relatedTarget.type === "submit") return;
    saveSoon();
  });
  form.addEventListener("submit", (event) => {
    // The submit saves everything: no autosave may start after it, or it would carry
    // the version the submit is about to replace.
    submitting = true;
    clearTimeout(pending);
    pending = null;
    if (!saving) return;
    // Never submit an old version while an autosave is in flight: wait, then submit
    // with the version the autosave returned.
    event.preventDefault();
    const submitter = event.submitter;
    saving.then(() => form.requestSubmit(submitter));
  });
  setInterval(save, INTERVAL_MS);
}

document.querySelectorAll("form[data-module=app-autosave]").forEach(start);
