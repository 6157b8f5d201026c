// People page only: a filter box over the A–Z index (progressive enhancement: without
// JavaScript the whole index is on the page, with its letter links).
const index = document.getElementById("people-index");
if (index) {
  const box = document.createElement("p");
  box.className = "people-filter";
  const label = document.createElement("label");
  label.htmlFor = "people-q";
  label.textContent = "Filter people";
  const input = document.createElement("input");
  input.id = "people-q";
  input.type = "search";
  input.autocomplete = "off";
  input.placeholder = "Name or role";
  const status = document.createElement("span");
  status.id = "people-status";
  status.setAttribute("role", "status");
  status.className = "count";
  box.append(label, " ", input, " ", status);
  index.before(box);

  const fold = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const rows = [...index.querySelectorAll("li[data-names]")].map((li) => [li, fold(li.dataset.names)]);
  const total = rows.length;
  input.addEventListener("input", () => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const [li, names] of rows) {
      li.hidden = !words.every((w) => names.includes(w));
      shown += li.hidden ? 0 : 1;
    }
    for (const section of index.querySelectorAll("section.letter")) {
      section.hidden = !section.querySelector("li:not([hidden])");
    }
    status.textContent = words.length ? `${shown} of ${total} people` : "";
  });
}
