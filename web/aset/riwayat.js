// Riwayat: Pulihkan asks in the page first, then sends the copy's name
// with the hash of the version loaded; the server saves the copy as the
// editor's Simpan does (conflict check, current version to the history).
import { t } from "./teks.js";

const page = document.getElementById("riwayat");
const ask = document.getElementById("konfirmasi");
const chosen = document.getElementById("salinan-dipilih");
const news = document.getElementById("kabar");
let copy = "";

for (const b of page.querySelectorAll("button.pulihkan")) {
  b.addEventListener("click", () => {
    copy = b.dataset.salinan;
    chosen.textContent = copy;
    ask.hidden = false;
    document.getElementById("ya-pulihkan").focus();
  });
}

document.getElementById("batal").addEventListener("click", () => {
  ask.hidden = true;
  copy = "";
});

document.getElementById("ya-pulihkan").addEventListener("click", async () => {
  if (!copy) return;
  ask.hidden = true;
  news.textContent = t("Memulihkan…");
  const q = new URLSearchParams({ berkas: page.dataset.berkas, salinan: copy, hash: page.dataset.hash });
  try {
    const res = await fetch("/api/riwayat/pulihkan?" + q, {
      method: "POST",
      headers: { "X-Pkgen-CSRF": page.dataset.csrf },
      credentials: "same-origin",
    });
    const body = await res.json();
    news.textContent = body.pesan || res.statusText;
    // The list now has the replaced version: show it, and the new hash.
    if (res.ok) window.setTimeout(() => window.location.reload(), 1500);
  } catch (err) {
    news.textContent = `${t("Gagal menghubungi meja kerja:")} ${err}`;
  }
});
