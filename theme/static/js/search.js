// The search page (/tim-kiem/): Pagefind's JS API with the site's own markup.
//
// Pagefind ignores tone and letter marks but keeps "đ" apart from "d". The
// index therefore holds each "đ" as "d" + U+0335 (plugins/search/folding.py):
// the query is written the same way, and "đ" is put back in what is shown.

const STROKE = "\u0335";
const PAGE_SIZE = 10;
// Pagefind's boost for words spelt with the query's exact marks (its default
// is 0.8). Only for a query that has marks: "hòa bình" ranks "Hòa Bình" above
// "Hoà Bình". A reader typing "doan" without marks means "Đoàn" as much as
// "doanh", so unmarked words in the text get no boost over marked ones.
const MARKED_QUERY_BOOST = 2;

const root = document.querySelector("[data-search]");
const form = root.querySelector("form");
const input = form.elements.q;
const selects = [...root.querySelectorAll("[data-filter]")];
const status = root.querySelector("[data-search-status]");
const list = root.querySelector("[data-search-results]");
const more = root.querySelector("[data-search-more]");
const help = root.querySelector("[data-search-help]");
const fallback = root.querySelector("[data-search-fallback]");

/** The text as the index holds it: NFC, "đ" written as "d" + stroke. */
const markD = (text) =>
  text.normalize("NFC").replace(/[đð]/g, "d" + STROKE).replace(/[ĐÐ]/g, "D" + STROKE);
/** Text from the index as written: the marked "d" back to "đ". */
const restoreD = (text) => text.replaceAll("d" + STROKE, "đ").replaceAll("D" + STROKE, "Đ");

let pagefind = null;
let generation = 0; // the newest search; older ones stop when they see it changed
let results = [];
let shown = 0;

function chosenFilters() {
  const filters = {};
  for (const select of selects) {
    if (select.value) filters[select.dataset.filter] = markD(select.value);
  }
  return filters;
}

/**
 * Pagefind's ranking, with the pages holding the query's syllables as typed
 * (as a phrase, with no longer word that starts like them) first: Pagefind
 * also matches "doanh" for "doan", "hoạch" for "hoa".
 */
async function rankedResults(term, filters) {
  const marked = /\p{M}/u.test(term.normalize("NFD"));
  await pagefind.options({ ranking: { diacriticSimilarity: marked ? MARKED_QUERY_BOOST : 0 } });
  const found = await pagefind.search(term || null, { filters });
  if (!term || term.includes('"')) return found.results;
  const phrase = await pagefind.search(`"${term}"`, { filters });
  const inPhrase = new Set(phrase.results.map((r) => r.id));
  return [
    ...found.results.filter((r) => inPhrase.has(r.id)),
    ...found.results.filter((r) => !inPhrase.has(r.id)),
  ];
}

function excerptNodes(html) {
  // Only text and Pagefind's <mark> are kept; a template's content is inert.
  const template = document.createElement("template");
  template.innerHTML = html;
  return [...template.content.childNodes].map((node) => {
    const text = restoreD(node.textContent);
    if (node.nodeName !== "MARK") return document.createTextNode(text);
    const mark = document.createElement("mark");
    mark.textContent = text;
    return mark;
  });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function resultItem(data) {
  const item = element("li", "search-result");
  const heading = element("h2", "search-result-title");
  const link = element("a", "", restoreD(data.meta.title || data.url));
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  const meta = element("p", "meta");
  if (data.meta.date) {
    const [year, month, day] = data.meta.date.split("-");
    const time = element("time", "", `${day}/${month}/${year}`);
    time.dateTime = data.meta.date;
    meta.append(time);
  }
  const category = data.filters?.["chuyen-muc"]?.[0];
  if (category) meta.append(`${meta.childNodes.length ? " · " : ""}${restoreD(category)}`);
  if (meta.childNodes.length) item.append(meta);
  item.append(element("p", "search-excerpt"));
  item.lastChild.append(...excerptNodes(data.excerpt));
  return item;
}

async function showMore(moveFocus) {
  const current = generation;
  const batch = results.slice(shown, shown + PAGE_SIZE);
  const data = await Promise.all(batch.map((r) => r.data()));
  if (current !== generation) return;
  const items = data.map(resultItem);
  list.append(...items);
  shown += items.length;
  more.hidden = shown >= results.length;
  more.textContent = `Xem thêm kết quả (đã hiện ${shown} trong ${count(results.length)})`;
  if (moveFocus && items.length) items[0].querySelector("a").focus();
}

const count = (n) => n.toLocaleString("vi-VN");

function statusText(query, filtered) {
  const n = results.length;
  const what = query ? ` cho “${query}”` : " theo bộ lọc đã chọn";
  const note = query && filtered ? " (đã lọc)" : "";
  return n ? `Có ${count(n)} kết quả${what}${note}.` : `Không tìm thấy kết quả nào${what}${note}.`;
}

async function run() {
  const current = ++generation;
  const query = input.value.trim();
  const filters = chosenFilters();
  const filtered = Object.keys(filters).length > 0;
  list.setAttribute("aria-busy", "true");
  const found = query || filtered ? await rankedResults(markD(query), filters) : [];
  if (current !== generation) return;
  results = found;
  shown = 0;
  list.replaceChildren();
  await showMore(false);
  if (current !== generation) return;
  status.textContent = query || filtered ? statusText(query, filtered) : "";
  help.hidden = results.length > 0 || !(query || filtered);
  list.setAttribute("aria-busy", "false");
}

function rememberInAddress() {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const select of selects) if (select.value) params.set(select.name, select.value);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

function search(event) {
  event?.preventDefault();
  rememberInAddress();
  run().catch(failed);
}

function failed(error) {
  console.error(error);
  list.setAttribute("aria-busy", "false");
  status.textContent = "Công cụ tìm kiếm gặp lỗi. Vui lòng thử lại, hoặc tra cứu theo các trang lưu trữ.";
  fallback.querySelector("[data-search-fallback-reason]").hidden = true;
  fallback.hidden = false;
}

async function start() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  for (const select of selects) {
    const wanted = params.get(select.name);
    if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  const pending = Boolean(input.value.trim() || selects.some((s) => s.value));
  if (pending) list.setAttribute("aria-busy", "true");
  pagefind = await import(root.dataset.pagefind);
  await pagefind.init();
  fallback.hidden = true;
  root.querySelector("[data-search-filters]").hidden = false;
  form.addEventListener("submit", search);
  for (const select of selects) select.addEventListener("change", search);
  more.addEventListener("click", () => showMore(true).catch(failed));
  if (pending) await run();
}

start().catch(failed);
