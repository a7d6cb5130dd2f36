// Buat PK Perubahan: sends why, from when and (for a change of official)
// the new PIHAK KEDUA; the server checks the amendment, writes it beside
// the PK (never over a file) and the page opens it.
import { t } from "./teks.js";

const form = document.getElementById("perubahan");
const news = document.getElementById("kabar");
const problems = document.getElementById("masalah");
const second = document.getElementById("kedua");

function reason() {
  const r = form.querySelector('input[name="alasan"]:checked');
  return r ? r.value : "";
}

// The new PIHAK KEDUA is asked only when the official changed.
function showSecond() {
  if (second) second.hidden = reason() !== "pejabat";
}
form.addEventListener("change", showSecond);
showSecond();

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = {
    alasan: reason(),
    berlaku: form.elements.berlaku.value,
    keterangan: form.elements.keterangan.value,
  };
  if (second && data.alasan === "pejabat") {
    data.kedua = {};
    for (const el of second.querySelectorAll("[data-key]")) data.kedua[el.dataset.key] = el.value;
  }
  news.textContent = t("Membuat…");
  problems.replaceChildren();
  try {
    const res = await fetch("/api/perubahan?berkas=" + encodeURIComponent(form.dataset.berkas), {
      method: "POST",
      headers: { "X-Pkgen-CSRF": form.dataset.csrf, "Content-Type": "application/json" },
      body: JSON.stringify(data),
      credentials: "same-origin",
    });
    const body = await res.json();
    news.textContent = body.pesan || res.statusText;
    for (const m of (body.periksa && body.periksa.daftar) || []) {
      const li = document.createElement("li");
      li.className = m.galat ? "galat" : "peringatan";
      li.textContent = `${m.lokasi} ${m.teks}`;
      problems.append(li);
    }
    if (res.ok) window.location.assign(body.alamat);
  } catch (err) {
    news.textContent = `${t("Gagal menghubungi meja kerja:")} ${err}`;
  }
});
