// Search page only: progressive enhancement over Pagefind's index (built by `digest build`).
// Without JavaScript the page explains where else to look; nothing else on the site needs this file.
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
document.getElementById("search-nojs").hidden = true;

let engine = null;
let hidden = new Set();

// The site's index may come in several parts: the base (one bundle, or a few on a large site,
// indexed part by part), and a small delta with the pages that changed since the base was made
// (search-state.json names the other parts, the delta and the base results to hide).
async function indexState() {
  try {
    const response = await fetch(form.dataset.state);
    return response.ok ? await response.json() : {};
  } catch {
    return {};
  }
}

async function pagefind() {
  if (!engine) {
    const state = await indexState();
    const pf = await import(form.dataset.bundle);
    await pf.options({ baseUrl: form.dataset.base });
    const site = new URL(form.dataset.base, window.location.href);
    for (const part of [...(state.parts || []), ...(state.delta ? [state.delta] : [])]) {
      await pf.mergeIndex(new URL(part, site).pathname, { baseUrl: form.dataset.base });
    }
    await pf.init();
    hidden = new Set(state.hidden || []);
    engine = pf;
  }
  return engine;
}

// Pagefind's excerpts are text with <mark> around the hits: copy only text and marks.
function excerpt(html) {
  const out = document.createElement("p");
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const node of doc.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent);
    }
  }
  return out;
}

async function run(query) {
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  try {
    const found = (await (await pagefind()).search(query)).results.filter((r) => !hidden.has(r.id));
    const results = await Promise.all(found.slice(0, 20).map((r) => r.data()));
    for (const data of results) {
      const item = document.createElement("li");
      const heading = document.createElement("h2");
      const link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      heading.append(link);
      item.append(heading, excerpt(data.excerpt));
      list.append(item);
    }
    const n = found.length;
    status.textContent = n === 0 ? `Nothing found for “${query}”.`
      : `${n} result${n === 1 ? "" : "s"} for “${query}”${n > 20 ? " (first 20 shown)" : ""}.`;
  } catch (error) {
    status.textContent = "Search is not available on this copy of the site.";
    console.warn("digest search:", error);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(window.location.href);
  url.searchParams.set("q", input.value);
  window.history.replaceState(null, "", url);
  run(input.value);
});

const initial = new URLSearchParams(window.location.search).get("q") || "";
input.value = initial;
if (initial) run(initial);
