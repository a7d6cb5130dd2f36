// Realisasi grid: every change is sent (debounced) as the grid's JSON;
// the server writes it as the realisasi TOML, checks it, and answers each
// row's capaian and the located messages, which land on the cell whose
// data-path is their key path. Simpan writes the report; the annex is
// made from the grid as it stands, and can be appended to an LKIP.
import { t } from "./teks.js";
import { listMessages } from "./daftar-pesan.js";

const page = document.getElementById("realisasi");
if (page) start();

function start() {
  const name = page.dataset.berkas;
  const csrf = page.dataset.csrf;
  let savedHash = page.dataset.hash;
  const list = document.getElementById("pesan");
  const status = document.getElementById("status");
  const news = document.getElementById("kabar");
  const lkipNews = document.getElementById("kabar-lkip");
  const preview = document.getElementById("pratinjau");
  const downloadLink = document.getElementById("unduh-lampiran");
  const replaceButton = document.getElementById("timpa-lampiran");
  const rows = Array.from(document.querySelectorAll("#grid tr.baris"));
  let previewURL = null;
  let timer = null;
  let sent = 0; // the last check sent; older answers are dropped
  let savedState = JSON.stringify(gridState());

  function gridState() {
    return {
      pk: page.dataset.pk,
      tahun: Number(page.dataset.tahun),
      triwulan: Number(page.dataset.triwulan),
      baris: rows.map((row) => ({
        kode: row.dataset.kode,
        tw: Array.from(row.querySelectorAll("input[data-tw]")).map((i) => i.value),
        tahun_lalu: row.querySelector("input.lalu").value,
        kendala: row.querySelector("textarea.kendala").value,
        upaya: row.querySelector("textarea.upaya").value,
      })),
    };
  }

  function query(extra = "") {
    return `?berkas=${encodeURIComponent(name)}${extra}`;
  }

  function post(what, body, extra = "", type = "application/json") {
    const headers = { "X-Pkgen-CSRF": csrf };
    if (type) headers["Content-Type"] = type;
    return fetch(`/api/realisasi/${what}${query(extra)}`, { method: "POST", headers, body, credentials: "same-origin" });
  }

  function say(text, element = news) {
    element.textContent = text;
  }

  function ttd() {
    return document.getElementById("ttd").checked ? "&ttd=1" : "";
  }

  function band(kategori) {
    const k = (kategori || "").toLowerCase();
    if (k.startsWith("tercapai")) return "tercapai";
    if (k.startsWith("hampir")) return "hampir";
    if (k.startsWith("tidak")) return "tidak";
    return "";
  }

  function showCapaian(output, c) {
    output.textContent = c && c.persen ? c.persen + (c.kategori ? ` · ${c.kategori}` : "") : "";
    output.title = c && c.catatan ? c.catatan : "";
    output.className = `${output.className.split(" ")[0]} ${band(c && c.kategori)}`.trim();
  }

  // showResult puts each row's capaian and paths in the grid, each message
  // on its cell, and the list above.
  function showResult(res) {
    status.textContent = res.status;
    status.className = `status ${res.kelas}`;
    for (const row of rows) {
      const r = res.baris[row.dataset.kode] || { jalur: "", tw: [], sd: null };
      row.dataset.jalur = r.jalur;
      for (const input of row.querySelectorAll("input[data-tw]")) {
        const q = Number(input.dataset.tw);
        input.dataset.path = r.jalur ? `${r.jalur}.tw.tw${q}` : "";
        showCapaian(input.parentElement.querySelector("output"), r.tw[q - 1]);
      }
      row.querySelector("input.lalu").dataset.path = r.jalur ? `${r.jalur}.tahun_lalu` : "";
      row.querySelector("textarea.kendala").dataset.path = r.jalur ? `${r.jalur}.kendala` : "";
      row.querySelector("textarea.upaya").dataset.path = r.jalur ? `${r.jalur}.upaya` : "";
      showCapaian(row.querySelector("output.capaian-sd"), r.sd);
    }
    for (const field of page.querySelectorAll("[data-path]")) {
      field.removeAttribute("aria-invalid");
      const note = field.parentElement.querySelector(".pesan-sel");
      if (note) note.textContent = "";
    }
    listMessages(list, res.daftar, (m) => m.lokasi, (b, m) => { b.dataset.jalur = m.jalur || ""; });
    for (const m of res.daftar) {
      const field = fieldOf(m.jalur);
      if (field) {
        if (m.galat) field.setAttribute("aria-invalid", "true");
        const note = field.parentElement.querySelector(".pesan-sel");
        if (note) {
          note.textContent = m.teks;
          note.classList.toggle("peringatan", !m.galat);
        }
      }
    }
  }

  // fieldOf is the cell a key path names: the field itself, else the
  // first field of its row (realisasi[3] or realisasi[3].kode).
  function fieldOf(path) {
    if (!path) return null;
    const exact = page.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (exact) return exact;
    const table = path.match(/^realisasi\[\d+\]/);
    if (!table) return null;
    const row = rows.find((r) => r.dataset.jalur === table[0]);
    return row ? row.querySelector("input:not([disabled])") : null;
  }

  list.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-jalur]");
    const field = button && fieldOf(button.dataset.jalur);
    if (!field) return;
    const details = field.closest("details");
    if (details) details.open = true;
    field.focus();
  });

  async function check() {
    const n = ++sent;
    say(t("Menghitung capaian…"));
    const res = await post("periksa", JSON.stringify(gridState()));
    const body = await res.json();
    if (n !== sent) return;
    if (!res.ok) {
      say(body.pesan || res.statusText);
      return;
    }
    showResult(body);
    say(JSON.stringify(gridState()) !== savedState ? t("Ada perubahan yang belum disimpan.") : body.status);
  }

  function changed() {
    clearTimeout(timer);
    timer = setTimeout(guarded(check), 300);
  }

  async function save() {
    clearTimeout(timer);
    say(t("Menyimpan…"));
    const state = JSON.stringify(gridState());
    const res = await post("simpan", state, savedHash ? `&hash=${encodeURIComponent(savedHash)}` : "");
    const body = await res.json();
    if (res.status === 409) {
      if (body.isi !== undefined) {
        document.getElementById("konflik").hidden = false;
        document.getElementById("versi-disk").textContent = body.isi;
      }
      page.dataset.konflik = "1";
      say(body.pesan);
      return;
    }
    if (!res.ok) {
      say(body.pesan || res.statusText);
      return;
    }
    savedHash = body.hash;
    page.dataset.hash = savedHash;
    savedState = state;
    document.getElementById("konflik").hidden = true;
    document.getElementById("simpan").textContent = t("Simpan");
    await check();
    say(body.pesan);
  }

  function showPDF(blob) {
    if (previewURL) URL.revokeObjectURL(previewURL);
    previewURL = URL.createObjectURL(blob);
    preview.src = previewURL;
    preview.hidden = false;
    downloadLink.href = previewURL;
    downloadLink.download = name.replace(/\.toml$/i, ".pdf");
    downloadLink.hidden = false;
  }

  async function annex() {
    say(t("Membuat lampiran…"));
    const res = await post("lampiran", JSON.stringify(gridState()), ttd());
    if (!res.ok) {
      const body = await res.json();
      say(`${t("Lampiran belum dibuat: laporan masih bergalat.")} ${body.pesan || ""}`);
      if (body.periksa) check();
      return;
    }
    showPDF(await res.blob());
    say("");
  }

  async function saveAnnex(replace) {
    replaceButton.hidden = true;
    if (JSON.stringify(gridState()) !== savedState || !savedHash) {
      say(t("Simpan dulu perubahan grid; PDF dibuat dari berkas yang tersimpan."));
      return;
    }
    const res = await post("simpan-lampiran", "", ttd() + (replace ? "&timpa=1" : ""), "");
    const body = await res.json();
    say(body.pesan || res.statusText);
    if (res.status === 409 && body.ada) replaceButton.hidden = false;
  }

  async function mergeLKIP() {
    const file = document.getElementById("berkas-lkip").files[0];
    if (!file) {
      say(t("Pilih berkas PDF LKIP dulu."), lkipNews);
      return;
    }
    say(t("Membuat lampiran…"), lkipNews);
    const form = new FormData();
    form.append("grid", JSON.stringify(gridState()));
    form.append("lkip", file, file.name);
    const res = await post("lkip", form, ttd(), null);
    if (!res.ok) {
      const text = await res.text();
      let msg = text;
      try {
        msg = JSON.parse(text).pesan;
      } catch {}
      say(msg, lkipNews);
      return;
    }
    const blob = await res.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    const cd = res.headers.get("Content-Disposition") || "";
    a.download = (cd.match(/filename="([^"]+)"/) || [])[1] || "lkip-capaian.pdf";
    document.body.append(a);
    a.click();
    a.remove();
    say(a.download, lkipNews);
  }

  function guarded(action) {
    return () => action().catch((err) => say(`${t("Gagal menghubungi meja kerja:")} ${err}`));
  }

  page.addEventListener("input", (e) => {
    if (e.target.matches("#grid input, #grid textarea")) changed();
  });
  document.getElementById("simpan").addEventListener("click", guarded(save));
  document.getElementById("lampiran").addEventListener("click", guarded(annex));
  document.getElementById("simpan-lampiran").addEventListener("click", guarded(() => saveAnnex(false)));
  replaceButton.addEventListener("click", guarded(() => saveAnnex(true)));
  document.getElementById("gabung").addEventListener("click", guarded(mergeLKIP));
  window.addEventListener("beforeunload", (e) => {
    if (JSON.stringify(gridState()) !== savedState) e.preventDefault();
  });
}
