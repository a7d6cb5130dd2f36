// Daftar: the search box hides the rows that do not contain every word
// typed (file, unit, year, version, status).
const box = document.getElementById("cari");
const rows = Array.from(document.querySelectorAll("#daftar tbody tr"));
const empty = document.getElementById("kosong");

function filter() {
  const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const row of rows) {
    const text = row.dataset.cari.toLowerCase();
    const match = words.every((w) => text.includes(w));
    row.hidden = !match;
    if (match) shown++;
  }
  if (empty) empty.hidden = shown > 0;
}

if (box) {
  box.addEventListener("input", filter);
  filter();
}
