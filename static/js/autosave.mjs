// Save a draft record on the server while the learner types: at most every 30 seconds,
// and when they leave a field. Nothing is kept in the browser's storage. The page says
// "Saved at 10:42" in a polite live region beside the buttons (and in a copy at the top
// of the form); "Not saved - check your connection" only when the request never got an
// answer (or took longer than one interval), and another message when the server
// answered with an error. A record changed in another tab is never overwritten: the
// server refuses the stale version and the text stays on screen. Each save also brings
// back the privacy guard's warning for every text field, shown beside the field; a
// warning never stops a draft being saved.

const INTERVAL_MS = 30000;

function start(form) {
  const url = form.dataset.autosaveUrl;
  const statuses = form.querySelectorAll("[data-autosave-status], [data-autosave-status-copy]");
  const version = form.querySelector("input[name=version]");
  let dirty = false;
  let saving = null; // the save in flight, if any
  let stale = false;
  let submitting = false;
  let lastSave = 0;

  const say = (message, failed) => {
    statuses.forEach((status) => {
      status.textContent = message;
      status.classList.toggle("app-autosave-status--failed", Boolean(failed));
    });
  };

  // The server renders each warning (escaped, no script): replace each field's.
  const warn = (warnings) => {
    if (!warnings) return;
    form.querySelectorAll("[data-privacy-field]").forEach((container) => {
      const html = warnings[container.dataset.privacyField];
      if (html !== undefined) container.innerHTML = html;
    });
  };

  // Say why a save the server answered was refused, never blaming the connection.
  const refusal = (response, result) => {
    if (result && result.message) return result.message;
    if (response.status === 401 || response.status === 403 || response.redirected) {
      return form.dataset.signedOutMessage;
    }
    return form.dataset.errorMessage;
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
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
        signal: controller.signal,
      });
    } catch {
      // No answer at all: the connection (or a timeout) is to blame.
      clearTimeout(timer);
      dirty = true;
      say(form.dataset.offlineMessage, true);
      return;
    }
    clearTimeout(timer);
    let result = null;
    const json = (response.headers.get("Content-Type") || "").includes("application/json");
    if (json) {
      try {
        result = await response.json();
      } catch {
        result = null;
      }
    }
    if (response.ok && result && result.status === "saved") {
      version.value = result.version;
      say(result.message, false);
      warn(result.warnings);
      return;
    }
    if (response.status === 409) stale = true;
    else dirty = true;
    say(refusal(response, result), true);
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
