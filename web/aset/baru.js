// Buat baru: sends the answers; the server writes NAME.toml (never over an
// existing file) and the page opens the new document.
import { t } from "./teks.js";

const form = document.getElementById("baru");
const news = document.getElementById("kabar");

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  data.tahun = Number(data.tahun);
  news.textContent = t("Membuat…");
  try {
    const res = await fetch("/api/baru", {
      method: "POST",
      headers: { "X-Pkgen-CSRF": form.dataset.csrf, "Content-Type": "application/json" },
      body: JSON.stringify(data),
      credentials: "same-origin",
    });
    const body = await res.json();
    news.textContent = body.pesan || res.statusText;
    if (res.ok) window.location.assign(body.alamat);
  } catch (err) {
    news.textContent = `${t("Gagal menghubungi meja kerja:")} ${err}`;
  }
});
