// baocao serve: what every page does — calling the JSON API with the CSRF
// token, signing in and out, creating conferences, the register, summaries
// and printer profiles. Plain JavaScript, served by the binary.
"use strict";

const csrf = () => (document.querySelector("meta[name=csrf]") || {}).content || "";

async function api(method, url, body, headers = {}) {
  const options = { method, headers: { ...headers }, credentials: "same-origin" };
  if (method !== "GET") options.headers["X-CSRF-Token"] = csrf();
  if (body instanceof FormData || typeof body === "string") {
    options.body = body;
  } else if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers["Content-Type"] = "application/json";
  }
  const response = await fetch(url, options);
  const type = response.headers.get("Content-Type") || "";
  const data = type.includes("application/json") ? await response.json() : null;
  return { status: response.status, ok: response.ok, data, response };
}

function element(tag, attributes = {}, text = "") {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  if (text) made.textContent = text;
  return made;
}

// Problems as list items: path, place in the file, message in Vietnamese;
// `inWords`: as the form says them (where in words, no key path).
function showProblems(list, problems, inWords = false) {
  if (!list) return;
  list.replaceChildren();
  for (const problem of problems || []) {
    const item = element("li", { class: { error: "loi", warning: "canh-bao" }[problem.severity] || "ghi-chu" });
    const where = [problem.file, problem.cell, problem.line ? `dòng ${problem.line}${problem.col ? ":" + problem.col : ""}` : ""]
      .filter(Boolean)
      .join(" ");
    if (inWords && problem.o_bieu_mau) {
      item.append(document.createTextNode((problem.cell ? `(${problem.cell}) ` : "") + problem.o_bieu_mau));
      list.append(item);
      continue;
    }
    if (problem.path) item.append(element("b", {}, problem.path + " "));
    item.append(document.createTextNode((where ? `(${where}) ` : "") + problem.message));
    list.append(item);
  }
}

function failure(result) {
  return (result.data && result.data.message) || `Lỗi ${result.status}`;
}

async function saveAs(response, fallback) {
  const blob = await response.blob();
  const match = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "");
  const link = element("a", { href: URL.createObjectURL(blob), download: match ? match[1] : fallback });
  document.body.append(link);
  link.click();
  link.remove();
}

window.baocao = { api, element, showProblems, failure };

function on(selector, event, handler) {
  const found = document.querySelector(selector);
  if (found) found.addEventListener(event, handler);
}

// Signing in: back to the page that asked for it.
on("#dang-nhap", "submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = await api("POST", "/api/login", { user: form.user.value, password: form.password.value });
  if (result.ok) {
    if (location.pathname === "/dang-nhap") location.href = "/hoi-nghi";
    else location.reload();
  } else {
    form.querySelector(".thong-bao").textContent = failure(result);
  }
});

document.addEventListener("click", async (event) => {
  if (event.target.matches("[data-dang-xuat]")) {
    await api("POST", "/api/logout");
    location.href = "/dang-nhap";
  }
});

// New conferences: from the sample, or from a YAML file and its lists.
on("#tao-tu-mau", "click", async () => {
  const result = await api("POST", "/api/sample");
  if (result.status === 201) location.href = `/hoi-nghi/${result.data.id}`;
  else showProblems(document.querySelector("#loi-tao"), (result.data || {}).problems || [{ message: failure(result) }]);
});

on("#tao-trong", "click", async () => {
  const result = await api("POST", "/api/blank");
  if (result.status === 201) location.href = `/hoi-nghi/${result.data.id}`;
  else showProblems(document.querySelector("#loi-tao"), (result.data || {}).problems || [{ message: failure(result) }]);
});

// A conference copied to another year, moved to the bin, restored.
on("#danh-sach", "click", async (event) => {
  const button = event.target;
  const said = document.querySelector("#ket-qua-danh-sach");
  if (button.matches("[data-sao-chep]")) {
    const row = button.closest("tr");
    const body = { nam: Number(row.querySelector(".nam-sao-chep").value), giu_danh_sach: row.querySelector(".giu-danh-sach").checked };
    const result = await api("POST", `/api/conferences/${button.dataset.saoChep}/copy`, body);
    if (result.status === 201) location.href = `/hoi-nghi/${result.data.id}`;
    else said.textContent = `Chưa sao chép được: ${((result.data || {}).problems || [{}])[0].message || failure(result)}`;
  } else if (button.matches("[data-xoa-hoi-nghi]")) {
    const result = await api("POST", `/api/conferences/${button.dataset.xoaHoiNghi}/bin`);
    if (result.ok) location.reload();
    else said.textContent = `Chưa xóa được: ${failure(result)}`;
  }
});

on("#thung-rac", "click", async (event) => {
  const button = event.target;
  if (!button.matches("[data-khoi-phuc]")) return;
  const result = await api("POST", `/api/conferences/${button.dataset.khoiPhuc}/restore`);
  if (result.ok) location.reload();
  else document.querySelector("#ket-qua-danh-sach").textContent = `Chưa khôi phục được: ${failure(result)}`;
});

on("#tao-tu-tep", "submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const body = new FormData();
  const yaml = form.input.files[0];
  if (yaml) body.append("input", yaml, yaml.name);
  for (const file of form.tep.files) body.append(file.name, file, file.name);
  const result = await api("POST", "/api/conferences", body);
  if (result.status === 201) location.href = `/hoi-nghi/${result.data.id}`;
  else showProblems(document.querySelector("#loi-tao"), (result.data || {}).problems || [{ message: failure(result) }]);
});

// The register: search, and setting where a counter goes on from.
on("#tim-khen", "submit", async (event) => {
  event.preventDefault();
  const query = new URLSearchParams(new FormData(event.target));
  const result = await api("GET", `/api/awards?${query}`);
  const rows = document.querySelector("#ket-qua-tim tbody");
  rows.replaceChildren();
  for (const found of result.data || []) {
    const row = element("tr");
    const award = found.hinh_thuc === "bang_khen" ? "Bằng khen" : "Giấy khen";
    for (const text of [found.ten, found.don_vi, award, found.co_quan, found.quyet_dinh, clerkDate(found.ngay), found.so_so]) {
      row.append(element("td", {}, text || ""));
    }
    const cell = element("td");
    cell.append(element("a", { href: `/hoi-nghi/${found.hoi_nghi}` }, found.ten_hoi_nghi));
    row.append(cell);
    rows.append(row);
  }
  document.querySelector("#so-ket-qua").textContent = `${(result.data || []).length} kết quả`;
  document.querySelector("#tai-excel").href = `/api/awards.xlsx?${query}`;
});

// "2018-08-22" as a clerk writes it: "22/08/2018".
function clerkDate(text) {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : text || "";
}

on("#dat-bo-dem", "submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const result = await api("PUT", "/api/counters", {
    so: form.so.value,
    co_quan: form.co_quan.value.trim(),
    nam: Number(form.nam.value),
    so_cuoi: Number(form.so_cuoi.value),
    do_dai: Number(form.do_dai.value || 0),
  });
  const field = form.so_cuoi;
  const said = document.querySelector("#loi-so-cuoi");
  if (result.ok) {
    location.reload();
    return;
  }
  const problems = (result.data || {}).problems || [{ message: failure(result) }];
  // The last number's refusal belongs at its field; any other under the form.
  const atField = problems.find((problem) => problem.path === "so_cuoi");
  field.toggleAttribute("aria-invalid", !!atField);
  said.textContent = atField ? atField.message.charAt(0).toUpperCase() + atField.message.slice(1) + "." : "";
  form.querySelector(".thong-bao").textContent = atField ? "" : problems[0].message;
  if (atField) field.focus();
});

// Summaries: a ZIP of the summary papers.
on("#tong-hop", "submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const conferences = [...form.querySelectorAll("input[name=hoi_nghi]:checked")].map((box) => Number(box.value));
  const units = [...form.querySelectorAll("input[name=don_vi]:checked")].map((box) => Number(box.value));
  const result = await api("POST", "/api/summary", {
    conferences,
    don_vi: units,
    from: Number(form.from.value),
    to: Number(form.to.value),
    co_quan: form.co_quan.value,
    ngay: form.ngay.value,
    so_ky_hieu: form.so_ky_hieu.value,
    dia_danh: form.dia_danh.value,
    nguoi_ky: {
      the_thuc: form.the_thuc.value,
      chuc_vu: form.chuc_vu.value,
      cap_bac: form.cap_bac.value,
      ho_ten: form.ho_ten.value,
    },
    chuong_trinh_so: form.chuong_trinh_so.value,
    chuong_trinh_ten: form.chuong_trinh_ten.value,
    bieu_do: form.bieu_do.value,
    chi_tieu: form.chi_tieu.files[0] ? await form.chi_tieu.files[0].text() : "",
  });
  const list = document.querySelector("#loi-tong-hop");
  if (result.ok) {
    list.replaceChildren();
    await saveAs(result.response, "tong-hop.zip");
  } else {
    // Said in words: no option or key names on this page.
    const problems = ((result.data || {}).problems || [{ message: failure(result) }]).map((p) => ({ ...p, path: "" }));
    showProblems(list, problems);
  }
});

// Printer profiles.
on("#may-in", "submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const number = (text) => Number(String(text).replace(",", "."));
  const result = await api("PUT", "/api/printers", {
    ten: form.ten.value.trim(),
    lech_x: number(form.lech_x.value),
    lech_y: number(form.lech_y.value),
    ty_le: number(form.ty_le.value),
  });
  if (result.ok) location.reload();
  else form.querySelector(".thong-bao").textContent = ((result.data || {}).problems || [{ message: failure(result) }])[0].message;
});

document.addEventListener("click", async (event) => {
  const name = event.target.dataset && event.target.dataset.xoaMayIn;
  if (name) {
    await api("DELETE", `/api/printers/${encodeURIComponent(name)}`);
    location.reload();
  }
});

// A register search in the address (/so-dang-ky?q=…) runs at once: a link can share it.
(() => {
  const form = document.querySelector("#tim-khen");
  const asked = new URLSearchParams(location.search);
  if (form && [...asked.keys()].length) {
    for (const [name, value] of asked) if (form[name]) form[name].value = value;
    form.requestSubmit();
  }
})();
