// The texts the scripts show, in the page's language: the server puts
// them in the page (#teks), keyed by their Indonesian text.
const texts = JSON.parse(document.getElementById("teks").textContent || "{}");

export function t(key) {
  return texts[key] || key;
}
