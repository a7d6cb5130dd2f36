// Formulir: a PK edited as fields. The whole form goes to the server as
// JSON; the server builds the document, checks its TOML as pkgen check
// does and answers with located messages, each with its key path
// ("sasaran[2].indikator[1].target.tw3"). Every field carries its key path
// in data-path, so a message is shown beside its field and a click on it
// in the list focuses the field. Checks run as you type (debounced);
// nothing is written until Simpan.
import { t } from "./teks.js";
import { listMessages } from "./daftar-pesan.js";

const page = document.getElementById("formulir");
const form = document.getElementById("pk");
const name = page.dataset.berkas;
const csrf = page.dataset.csrf;
let savedHash = page.dataset.hash;

const list = document.getElementById("pesan");
const status = document.getElementById("status");
const news = document.getElementById("kabar");
const total = document.getElementById("total");
const conflict = document.getElementById("konflik");
const diskText = document.getElementById("versi-disk");
const sasaranList = document.getElementById("daftar-sasaran");
const anggaranList = document.getElementById("daftar-anggaran");
const indukInput = document.getElementById("pk-induk");
const indukNews = document.getElementById("kabar-induk");
const indukKodes = document.getElementById("kode-induk");

function say(text) {
  news.textContent = text;
}

function post(what, body, extra = "") {
  return fetch(`/api/formulir/${what}?berkas=${encodeURIComponent(name)}${extra}`, {
    method: "POST",
    headers: { "X-Pkgen-CSRF": csrf, "Content-Type": "application/json; charset=utf-8" },
    body,
    credentials: "same-origin",
  });
}

// rows of a list: its direct children of one kind.
function rows(parent, kind) {
  return Array.from(parent.children).filter((e) => e.dataset.jenis === kind);
}

// own are the fields of a row that are not in a row nested in it.
function own(row) {
  return Array.from(row.querySelectorAll("[data-key]")).filter((e) => e.closest(".baris") === row);
}

function fields(row) {
  const out = {};
  for (const e of own(row)) {
    const keys = e.dataset.key.split(".");
    let at = out;
    for (const k of keys.slice(0, -1)) at = at[k] ??= {};
    at[keys[keys.length - 1]] = e.type === "checkbox" ? e.checked : e.value;
  }
  return out;
}

function party(key) {
  const out = {};
  for (const e of document.querySelectorAll(`[data-pihak="${key}"] [data-key]`)) out[e.dataset.key] = e.value;
  return out;
}

// collect is the form as the server reads it (web/form.go, formDocument).
function collect() {
  return JSON.stringify({
    pk_induk: indukInput.value,
    pihak_pertama: party("pihak_pertama"),
    pihak_kedua: party("pihak_kedua"),
    sasaran: rows(sasaranList, "sasaran").map((s) => {
      const asal = s.dataset.asal === "" ? null : Number(s.dataset.asal);
      const indikator = rows(s.querySelector(".daftar-indikator"), "indikator").map((i) => {
        const a = i.dataset.asal === "" ? null : i.dataset.asal.split(".").map(Number);
        return { asal: a, ...fields(i) };
      });
      return { asal, ...fields(s), indikator };
    }),
    anggaran: rows(anggaranList, "anggaran").map((a) => fields(a)),
  });
}

// renumber gives every row and field the key path of its position, as
// the server's messages name them.
function renumber() {
  rows(sasaranList, "sasaran").forEach((s, i) => {
    const sp = `sasaran[${i + 1}]`;
    setPath(s, sp, String(i + 1));
    rows(s.querySelector(".daftar-indikator"), "indikator").forEach((ind, j) => {
      setPath(ind, `${sp}.indikator[${j + 1}]`, `${i + 1}.${j + 1}`);
    });
  });
  rows(anggaranList, "anggaran").forEach((a, k) => setPath(a, `anggaran[${k + 1}]`, String(k + 1)));
}

function setPath(row, path, number) {
  row.dataset.path = path;
  row.querySelector(":scope > legend .nomor").textContent = number;
  for (const e of own(row)) e.dataset.path = `${path}.${e.dataset.key}`;
  const target = row.querySelector(":scope > fieldset.target");
  if (target) target.dataset.path = `${path}.target`;
}

// field finds the element a key path names, or the nearest enclosing one.
function field(path) {
  for (let p = path; p; ) {
    const e = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (e) return e;
    const i = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
    if (i < 0) break;
    p = p.slice(0, i);
  }
  return null;
}

let messageCount = 0;

// showCheck lists the messages and puts each beside its field.
function showCheck(res) {
  status.textContent = res.status;
  status.className = `status ${res.kelas}`;
  if (res.total !== undefined) total.textContent = res.total;
  for (const e of form.querySelectorAll(".pesan-medan")) e.remove();
  for (const e of form.querySelectorAll("[aria-invalid]")) {
    e.removeAttribute("aria-invalid");
    e.removeAttribute("aria-describedby");
  }
  listMessages(list, res.daftar, (m) => m.jalur || m.lokasi, (b, m) => { b.dataset.jalur = m.jalur; });
  for (const m of res.daftar) {
    const kind = m.galat ? "galat" : "peringatan";
    const at = m.jalur && field(m.jalur);
    if (!at) continue;
    const note = document.createElement("p");
    note.className = `pesan-medan ${kind}`;
    note.id = `pesan-medan-${++messageCount}`;
    note.textContent = m.teks;
    if (at.matches("input, select, textarea")) {
      at.closest(".medan").append(note);
      if (m.galat) at.setAttribute("aria-invalid", "true");
      const by = at.getAttribute("aria-describedby");
      at.setAttribute("aria-describedby", by ? `${by} ${note.id}` : note.id);
    } else {
      // A message about a whole row or group: under its legend.
      at.querySelector(":scope > legend").after(note);
    }
  }
}

list.addEventListener("click", (e) => {
  const button = e.target.closest("button[data-jalur]");
  if (!button || !button.dataset.jalur) return;
  const at = field(button.dataset.jalur);
  if (!at) return;
  const target = at.matches("input, select, textarea") ? at : at.querySelector("input, select, textarea");
  (target || at).scrollIntoView({ block: "center" });
  (target || at).focus();
});

let sequence = 0;
let timer = null;

// page.dataset.menunggu is set while a change waits for its check (the
// browser tests wait on it).
async function check() {
  clearTimeout(timer);
  timer = null;
  const mine = ++sequence;
  const res = await post("periksa", collect());
  const body = await res.json();
  if (mine !== sequence) return; // a later check is under way
  if (timer === null) delete page.dataset.menunggu;
  if (!res.ok) {
    say(body.pesan || res.statusText);
    return;
  }
  showCheck(body);
  if (body.galat === 0) await refreshPreview(mine);
}

// refreshPreview shows the form's PDF as it would be saved; while the form
// has errors the last good preview stays.
const preview = document.getElementById("pratinjau");
const previewNews = document.getElementById("kabar-pratinjau");
let previewURL = null;
async function refreshPreview(mine) {
  previewNews.textContent = t("Membuat pratinjau…");
  const res = await post("pratinjau", collect());
  if (mine !== sequence) return; // a later change is under way
  if (!res.ok) {
    previewNews.textContent = t("Pratinjau belum diperbarui: dokumen masih bergalat. Yang tampil adalah PDF sah terakhir.");
    return;
  }
  const blob = await res.blob();
  if (previewURL) URL.revokeObjectURL(previewURL);
  previewURL = URL.createObjectURL(blob);
  preview.src = previewURL;
  previewNews.textContent = "";
  page.dataset.pratinjau = String(mine); // the browser tests wait on it
}

function guarded(action) {
  return () => action().catch((err) => say(`${t("Gagal menghubungi meja kerja:")} ${err}`));
}

// changed schedules a check ~300 ms after the last change.
let dirty = false;
function changed() {
  dirty = true;
  page.dataset.menunggu = "1";
  say(t("Ada perubahan yang belum disimpan."));
  clearTimeout(timer);
  timer = setTimeout(guarded(check), 300);
}

async function save() {
  clearTimeout(timer);
  say(t("Menyimpan…"));
  const mine = ++sequence;
  const res = await post("simpan", collect(), `&hash=${encodeURIComponent(savedHash)}`);
  const body = await res.json();
  if (res.status === 409) {
    conflict.hidden = false;
    diskText.textContent = body.isi;
    page.dataset.konflik = "1";
    say(body.pesan);
    return;
  }
  if (body.periksa && mine === sequence) showCheck(body.periksa);
  say(body.pesan || res.statusText);
  if (!res.ok) return;
  savedHash = body.hash;
  dirty = false;
  conflict.hidden = true;
  const kept = document.getElementById("kanonik");
  if (kept) kept.remove();
  // The file now holds the rows in the form's order: each row's origin
  // is its position.
  rows(sasaranList, "sasaran").forEach((s, i) => {
    s.dataset.asal = String(i);
    rows(s.querySelector(".daftar-indikator"), "indikator").forEach((ind, j) => (ind.dataset.asal = `${i}.${j}`));
  });
}

// Rows: add, remove, move (buttons, and Alt+↑/↓ on a focused row).
function move(row, up) {
  const sibling = up ? row.previousElementSibling : row.nextElementSibling;
  if (!sibling || sibling.dataset.jenis !== row.dataset.jenis) return false;
  const focused = document.activeElement;
  if (up) sibling.before(row);
  else sibling.after(row);
  if (focused && row.contains(focused)) focused.focus();
  renumber();
  say(`${t("Baris dipindah:")} ${row.querySelector(":scope > legend").textContent.trim()}`);
  changed();
  return true;
}

function add(kind, parent, after) {
  const row = document.getElementById(`baru-${kind}`).content.firstElementChild.cloneNode(true);
  if (after) after.after(row);
  else parent.append(row);
  renumber();
  row.querySelector("input, textarea").focus();
  changed();
  say(t("Baris ditambah."));
  return row;
}

function remove(row) {
  const next = row.nextElementSibling || row.previousElementSibling;
  row.remove();
  renumber();
  if (next) (next.querySelector("input, textarea, button") || next).focus();
  changed();
  say(t("Baris dihapus."));
}

form.addEventListener("click", (e) => {
  const button = e.target.closest("button");
  if (!button) return;
  if (button.dataset.tambah === "sasaran") add("sasaran", sasaranList);
  else if (button.dataset.tambah === "indikator") add("indikator", button.closest(".sasaran").querySelector(".daftar-indikator"));
  else if (button.dataset.tambah === "anggaran") add("anggaran", anggaranList);
  else if (button.dataset.aksi) {
    const row = button.closest(".baris");
    if (button.dataset.aksi === "hapus") remove(row);
    else if (move(row, button.dataset.aksi === "naik")) button.focus();
  } else if (button.dataset.md) markdown(button.closest(".medan").querySelector("textarea"), button.dataset.md);
});

form.addEventListener("keydown", (e) => {
  if (!e.altKey || (e.key !== "ArrowUp" && e.key !== "ArrowDown")) return;
  const row = e.target.closest(".baris");
  if (!row) return;
  e.preventDefault();
  move(row, e.key === "ArrowUp");
});

form.addEventListener("input", (e) => {
  if (e.target === indukInput) indukChanged();
  else if (e.target.dataset.key === "mendukung") describe(e.target);
  changed();
});
form.addEventListener("focusin", (e) => {
  if (e.target.dataset.key === "mendukung") suggest(e.target);
});

// The cascade: pk_induk names the PK above; its indicators are the
// suggestions of every Mendukung field (kode separated by commas), loaded
// from the server when pk_induk changes. Whether the links hold is the
// check's: its messages stand beside pk_induk and each Mendukung.
let indukTimer = null;
let indukSequence = 0;
function indukChanged() {
  form.classList.toggle("berinduk", indukInput.value.trim() !== "");
  clearTimeout(indukTimer);
  indukTimer = setTimeout(guarded(loadInduk), 300);
}

async function loadInduk() {
  const mine = ++indukSequence;
  const ref = indukInput.value.trim();
  let list = [];
  let news = "";
  if (ref !== "") {
    const res = await fetch(`/api/formulir/induk?berkas=${encodeURIComponent(name)}&induk=${encodeURIComponent(ref)}`, { credentials: "same-origin" });
    const body = await res.json();
    if (mine !== indukSequence) return;
    if (res.ok) {
      list = body.kode;
      news = `${t("Indikator PK induk dimuat:")} ${list.length}`;
    } else news = body.pesan || res.statusText;
  } else news = t("Tanpa PK induk: kolom Mendukung disembunyikan bila kosong.");
  indukKodes.replaceChildren(
    ...list.map((k) => {
      const o = document.createElement("option");
      o.value = k.kode;
      o.dataset.kode = k.kode;
      o.dataset.uraian = k.uraian;
      o.textContent = `${k.kode} — ${k.uraian}`;
      return o;
    }),
  );
  indukNews.textContent = news;
  page.dataset.induk = String(list.length); // the browser tests wait on it
  for (const e of form.querySelectorAll('[data-key="mendukung"]')) describe(e);
}

// typed are the kode a Mendukung field names.
function typed(input) {
  return input.value.split(/[,;]/).map((k) => k.trim()).filter((k) => k !== "");
}

// describe shows under a Mendukung field what its kode are in the induk.
function describe(input) {
  const known = new Map(Array.from(indukKodes.options, (o) => [o.dataset.kode, o.dataset.uraian]));
  const lines = typed(input).filter((k) => known.has(k)).map((k) => `${k} — ${known.get(k)}`);
  input.closest(".medan").querySelector(".uraian-induk").textContent = lines.join("\n");
  suggest(input);
}

// suggest makes the suggestions complete the kode being typed after the
// last comma, keeping the ones before it.
function suggest(input) {
  const cut = Math.max(input.value.lastIndexOf(","), input.value.lastIndexOf(";"));
  const before = cut < 0 ? "" : `${input.value.slice(0, cut + 1).trimEnd()} `;
  for (const o of indukKodes.options) o.value = before + o.dataset.kode;
}
form.addEventListener("submit", (e) => e.preventDefault());

// markdown applies a toolbar button to the selection of a pengukuran:
// the Markdown the TOML stores (**tebal**, *miring*, "1. " and "- " lists).
function markdown(area, what) {
  const { selectionStart: from, selectionEnd: to, value } = area;
  let text, start, end;
  if (what === "tebal" || what === "miring") {
    const mark = what === "tebal" ? "**" : "*";
    const inner = value.slice(from, to);
    text = value.slice(0, from) + mark + inner + mark + value.slice(to);
    start = from + mark.length;
    end = start + inner.length;
  } else {
    const lineStart = value.lastIndexOf("\n", from - 1) + 1;
    const lineEnd = value.indexOf("\n", to) < 0 ? value.length : value.indexOf("\n", to);
    const lines = value.slice(lineStart, lineEnd).split("\n");
    const marked = lines.map((l, i) => (what === "bernomor" ? `${i + 1}. ` : "- ") + l.replace(/^(\d+\.|[-*+])\s+/, ""));
    const block = marked.join("\n");
    text = value.slice(0, lineStart) + block + value.slice(lineEnd);
    start = lineStart;
    end = lineStart + block.length;
  }
  area.value = text;
  area.focus();
  area.setSelectionRange(start, end);
  area.dispatchEvent(new Event("input", { bubbles: true }));
}

document.getElementById("periksa").addEventListener("click", guarded(check));
document.getElementById("simpan").addEventListener("click", guarded(save));
window.addEventListener("beforeunload", (e) => {
  if (dirty) e.preventDefault();
});

renumber();
guarded(check)();
if (indukInput.value.trim() !== "") guarded(loadInduk)();
else for (const e of form.querySelectorAll('[data-key="mendukung"]')) describe(e);
