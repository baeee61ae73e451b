// baocao serve: the preview's size — the whole page in the window (the
// default: a 1366×768 laptop sees all of it), the width of the pane, or
// larger — kept for the next visit; and the preview follows the paper
// being edited (a field of award group 2 shows decision 2); printing on
// blanks, it lays the text on a faint picture of the whole certificate.
// Plain JavaScript, served by the binary.
"use strict";

(() => {
  const picture = document.querySelector("#anh-xem-truoc");
  const size = document.querySelector("#co-xem");
  const choice = document.querySelector("#giay");
  if (!picture || !size || !choice) return;
  const sizes = [...size.options].map((option) => option.value);

  function apply() {
    const chosen = size.value;
    picture.classList.toggle("ca-trang", chosen === "ca-trang");
    picture.classList.toggle("co-dinh", chosen !== "ca-trang");
    picture.style.width = chosen === "ca-trang" ? "" : `${chosen}%`;
    try {
      localStorage.setItem("baocao.co-xem", chosen);
    } catch (_) {
      // A browser that keeps nothing still sizes the preview.
    }
  }

  function step(by) {
    const next = sizes.indexOf(size.value) + by;
    if (next >= 0 && next < sizes.length) {
      size.value = sizes[next];
      apply();
    }
  }

  let kept = null;
  try {
    kept = localStorage.getItem("baocao.co-xem");
  } catch (_) {
    kept = null;
  }
  if (kept && sizes.includes(kept)) size.value = kept;
  apply();
  size.addEventListener("change", apply);
  document.querySelector("#thu-nho").addEventListener("click", () => step(-1));
  document.querySelector("#phong-to").addEventListener("click", () => step(1));

  // The paper a field belongs to: an award group's fields → its decision;
  // the press summary's → the press summary; the rest → the report.
  function paperOf(field) {
    const group = field.closest("[data-list='khen_thuong'] fieldset.nhom");
    if (group) {
      const groups = [...group.parentElement.children].filter((item) => item.matches("fieldset.nhom"));
      return `quyet-dinh-${groups.indexOf(group) + 1}`;
    }
    const key = field.dataset.key || "";
    if (key.startsWith("tin_bai")) return "tin-bai";
    return "bao-cao";
  }

  document.addEventListener("focusin", (event) => {
    const field = event.target;
    if (!field.closest || !field.closest("#the-bieu-mau") || !field.matches("input, textarea, select")) return;
    const paper = paperOf(field);
    const known = [...choice.options].some((option) => option.value === paper);
    // A certificate being looked at stays: its group's fields print on it too.
    const onCertificate = choice.value.startsWith("khen-") && paper.startsWith("quyet-dinh-");
    if (known && choice.value !== paper && !onCertificate) {
      choice.value = paper;
      choice.dispatchEvent(new Event("change"));
    }
  });

  // Printing on blanks: the text alone is hard to judge, so the preview lays
  // it (multiplied, as ink on paper) on a faint picture of the whole
  // certificate — where each line lands on the printed blank.
  const how = document.querySelector("#cach-in");
  const load = (url) =>
    new Promise((resolve, reject) => {
      const image = new Image();
      image.onload = () => resolve(image);
      image.onerror = reject;
      image.src = url;
    });

  async function onBlank() {
    if (picture.src.startsWith("data:")) return;
    const paper = picture.dataset.giay || "";
    const conference = window.baocao.conference;
    if (!how || how.value !== "phoi" || !paper.startsWith("khen-") || !conference) {
      delete picture.dataset.trenPhoi;
      return;
    }
    const shown = picture.src;
    const blank = `/api/conferences/${conference.id}/preview/${picture.dataset.phienBan}/${paper}/${conference.page()}.png`;
    try {
      const [text, whole] = await Promise.all([load(shown), load(blank)]);
      if (picture.src !== shown) return;
      const canvas = document.createElement("canvas");
      canvas.width = text.naturalWidth;
      canvas.height = text.naturalHeight;
      const pen = canvas.getContext("2d");
      pen.fillStyle = "#fff";
      pen.fillRect(0, 0, canvas.width, canvas.height);
      pen.globalAlpha = 0.3;
      pen.drawImage(whole, 0, 0, canvas.width, canvas.height);
      pen.globalAlpha = 1;
      pen.globalCompositeOperation = "multiply";
      pen.drawImage(text, 0, 0);
      picture.src = canvas.toDataURL("image/png");
      picture.dataset.trenPhoi = paper;
    } catch (_) {
      // Without the whole certificate the text alone stays shown.
    }
  }

  new MutationObserver(onBlank).observe(picture, { attributes: true, attributeFilter: ["src"] });
})();
