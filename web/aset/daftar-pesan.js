// The list of located messages every page shows: one button per message
// (its place, then its text), or "Tidak ada pesan." when there is none.
import { t } from "./teks.js";

// listMessages fills list with messages. place gives the text of a
// message's place; mark sets the button's data (the line or key path a
// click goes to).
export function listMessages(list, messages, place, mark) {
  list.replaceChildren();
  if (messages.length === 0) {
    const li = document.createElement("li");
    li.className = "kosong";
    li.textContent = t("Tidak ada pesan.");
    list.append(li);
  }
  for (const m of messages) {
    const li = document.createElement("li");
    li.className = m.galat ? "galat" : "peringatan";
    const button = document.createElement("button");
    button.type = "button";
    mark(button, m);
    const where = document.createElement("span");
    where.className = "lokasi";
    where.textContent = place(m);
    button.append(where, " " + m.teks);
    li.append(button);
    list.append(li);
  }
}
