// Excel dan unduh: the upload of a workbook shows what it changes
// (Bandingkan, nothing written), and Terima saves it through the
// editor's save, with the hash of the version compared: a file changed on
// disk meanwhile is refused there, and the replaced version kept in the
// history.
import { t } from "./teks.js";

const page = document.getElementById("lembar");
const name = page.dataset.berkas;
const csrf = page.dataset.csrf;
const input = document.getElementById("unggah");
const news = document.getElementById("kabar");
const result = document.getElementById("hasil");
const changes = document.getElementById("beda");
const problems = document.getElementById("masalah");
const accept = document.getElementById("terima");
const cancel = document.getElementById("batal");
let pending = null; // { isi, hash } of the last comparison

function post(what, body, type, extra = "") {
  return fetch(`/api/${what}?berkas=${encodeURIComponent(name)}${extra}`, {
    method: "POST",
    headers: { "X-Pkgen-CSRF": csrf, "Content-Type": type },
    body,
    credentials: "same-origin",
  });
}

function say(text) {
  news.textContent = text;
}

function item(text, className = "") {
  const li = document.createElement("li");
  li.className = className;
  li.textContent = text;
  return li;
}

async function answer(res) {
  const type = res.headers.get("Content-Type") || "";
  if (type.startsWith("application/json")) return res.json();
  return { pesan: (await res.text()).trim() || res.statusText };
}

function reset() {
  pending = null;
  accept.hidden = true;
  cancel.hidden = true;
  changes.replaceChildren();
  problems.replaceChildren();
}

async function compare() {
  reset();
  const file = input.files[0];
  if (!file) {
    say(t("Pilih berkas XLSX lebih dulu."));
    return;
  }
  say(t("Membandingkan…"));
  const res = await post("impor", file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const body = await answer(res);
  result.hidden = false;
  for (const c of body.beda || []) changes.append(item(c));
  for (const m of body.masalah || []) {
    problems.append(item(m.lokasi ? `${m.lokasi}: ${m.teks}` : m.teks, m.galat ? "galat" : "peringatan"));
  }
  say(body.pesan || res.statusText);
  if (res.ok && body.isi !== undefined) {
    pending = { isi: body.isi, hash: body.hash };
    accept.hidden = false;
    cancel.hidden = false;
    page.dataset.dibandingkan = "1";
  }
}

async function save() {
  if (!pending) return;
  say(t("Menyimpan…"));
  const res = await post("simpan", pending.isi, "application/toml; charset=utf-8", `&hash=${encodeURIComponent(pending.hash)}`);
  const body = await answer(res);
  say(body.pesan || res.statusText);
  if (res.ok) {
    reset();
    result.hidden = true;
    input.value = "";
    page.dataset.diterima = "1";
  }
}

function guarded(action) {
  return () => action().catch((err) => say(`${t("Gagal menghubungi meja kerja:")} ${err}`));
}

document.getElementById("bandingkan").addEventListener("click", guarded(compare));
accept.addEventListener("click", guarded(save));
cancel.addEventListener("click", () => {
  reset();
  result.hidden = true;
  input.value = "";
  say("");
});

// The sidecar belongs to a TTE PDF: its button shows with TTE chosen.
const tte = document.getElementById("tte");
const sidecar = document.getElementById("unduh-ttd");
function showSidecar() {
  sidecar.hidden = !tte.checked;
}
tte.addEventListener("change", showSidecar);
showSidecar();
