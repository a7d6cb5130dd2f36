// Dokumen: check the editor's text (Periksa), save it (Simpan), refresh
// the preview, and write the PDF (Simpan PDF). Every request sends the
// CSRF token; the server refuses a save over a file changed on disk.
import { t } from "./teks.js";
import { listMessages } from "./daftar-pesan.js";

const page = document.getElementById("dokumen");
const name = page.dataset.berkas;
const csrf = page.dataset.csrf;
let savedHash = page.dataset.hash;

const editor = document.getElementById("isi-toml");
const list = document.getElementById("pesan");
const status = document.getElementById("status");
const news = document.getElementById("kabar");
const previewNews = document.getElementById("kabar-pratinjau");
const preview = document.getElementById("pratinjau");
const conflict = document.getElementById("konflik");
const diskText = document.getElementById("versi-disk");
const replaceButton = document.getElementById("timpa-pdf");
let savedText = editor.value;
let previewURL = null;

function post(what, body, extra = "") {
  return fetch(`/api/${what}?berkas=${encodeURIComponent(name)}${extra}`, {
    method: "POST",
    headers: { "X-Pkgen-CSRF": csrf, "Content-Type": "application/toml; charset=utf-8" },
    body,
    credentials: "same-origin",
  });
}

function say(text, element = news) {
  element.textContent = text;
}

// showCheck lists the located messages; a click puts the cursor on the
// message's line.
function showCheck(res) {
  status.textContent = res.status;
  status.className = `status ${res.kelas}`;
  listMessages(list, res.daftar, (m) => m.lokasi, (b, m) => { b.dataset.baris = m.baris; });
}

function goToLine(line) {
  if (!line) return;
  const lines = editor.value.split("\n");
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
  editor.focus();
  editor.setSelectionRange(at, at + (lines[line - 1] || "").length);
  // Scroll the line into view: the textarea's line height times the line.
  const height = editor.scrollHeight / Math.max(lines.length, 1);
  editor.scrollTop = Math.max(0, height * (line - 3));
}

list.addEventListener("click", (e) => {
  const button = e.target.closest("button[data-baris]");
  if (button) goToLine(Number(button.dataset.baris));
});

async function refreshPreview(text) {
  say(t("Membuat pratinjau…"), previewNews);
  const res = await post("pratinjau", text);
  if (!res.ok) {
    say(t("Pratinjau belum diperbarui: dokumen masih bergalat. Yang tampil adalah PDF sah terakhir."), previewNews);
    return;
  }
  const blob = await res.blob();
  if (previewURL) URL.revokeObjectURL(previewURL);
  previewURL = URL.createObjectURL(blob);
  preview.src = previewURL;
  say("", previewNews);
}

async function check() {
  say(t("Memeriksa…"));
  const text = editor.value;
  const res = await post("periksa", text);
  const body = await res.json();
  if (!res.ok) {
    say(body.pesan || res.statusText);
    return;
  }
  showCheck(body);
  say(body.status);
  if (body.galat === 0) {
    await refreshPreview(text);
  } else {
    say(t("Pratinjau belum diperbarui: dokumen masih bergalat. Yang tampil adalah PDF sah terakhir."), previewNews);
  }
}

async function save() {
  say(t("Menyimpan…"));
  const text = editor.value;
  const res = await post("simpan", text, `&hash=${encodeURIComponent(savedHash)}`);
  const body = await res.json();
  if (res.status === 409) {
    conflict.hidden = false;
    diskText.textContent = body.isi;
    say(body.pesan);
    page.dataset.konflik = "1";
    return;
  }
  if (!res.ok) {
    say(body.pesan || res.statusText);
    return;
  }
  savedHash = body.hash;
  savedText = text;
  conflict.hidden = true;
  showCheck(body.periksa);
  say(body.pesan);
  if (body.periksa.galat === 0) await refreshPreview(text);
}

async function savePDF(replace) {
  replaceButton.hidden = true;
  const res = await post("simpan-pdf", "", replace ? "&timpa=1" : "");
  const body = await res.json();
  say(body.pesan || res.statusText);
  if (res.status === 409 && body.ada) replaceButton.hidden = false;
}

function guarded(action) {
  return () => action().catch((err) => say(`${t("Gagal menghubungi meja kerja:")} ${err}`));
}

document.getElementById("periksa").addEventListener("click", guarded(check));
document.getElementById("simpan").addEventListener("click", guarded(save));
document.getElementById("simpan-pdf").addEventListener("click", guarded(() => savePDF(false)));
replaceButton.addEventListener("click", guarded(() => savePDF(true)));

editor.addEventListener("input", () => {
  if (editor.value !== savedText) say(t("Ada perubahan yang belum disimpan."));
});
window.addEventListener("beforeunload", (e) => {
  if (editor.value !== savedText) e.preventDefault();
});
