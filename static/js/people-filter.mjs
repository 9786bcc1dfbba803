// The assignment form's people picker: a box to find a person by name in a large team.
// Typing hides the people whose name does not contain every word typed; a hidden box
// stays ticked or unticked as it was, and is still sent. Progressive enhancement: the
// template renders the box hidden, and without this script every person shows.

function words(text) {
  return text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

function start(picker) {
  const box = picker.querySelector("[data-people-filter-box]");
  const input = picker.querySelector("[data-people-filter]");
  const status = picker.querySelector("[data-people-count]");
  const items = [...picker.querySelectorAll("[data-people-item]")];
  if (!box || !input || !status) return;
  const names = items.map((item) => item.textContent.toLocaleLowerCase());
  box.hidden = false;

  const update = () => {
    const wanted = words(input.value);
    let shown = 0;
    items.forEach((item, n) => {
      const match = wanted.every((word) => names[n].includes(word));
      item.hidden = !match;
      if (match) shown += 1;
    });
    if (!wanted.length) {
      status.textContent = "";
    } else if (!shown) {
      status.textContent = status.dataset.none;
    } else {
      const chosen = picker.querySelectorAll("input[type=checkbox]:checked").length;
      status.textContent = status.dataset.template
        .replace("{shown}", String(shown))
        .replace("{total}", String(items.length))
        .replace("{chosen}", String(chosen));
    }
  };

  input.addEventListener("input", update);
  // Enter in the search box would send the whole form: here it only filters.
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      update();
    }
  });
  update();
}

document.querySelectorAll("[data-module='app-people-picker']").forEach(start);
