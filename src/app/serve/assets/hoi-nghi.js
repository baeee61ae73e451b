// baocao serve: a conference's page. The form is sent as a JSON tree a
// moment after each change; problems come back by field path and are shown
// at their field; the preview shows the saved version's pages.
"use strict";

(() => {
  const { api, element, showProblems, failure } = window.baocao;
  const state = JSON.parse(document.querySelector("#du-lieu").textContent);
  const id = state.id;
  let version = state.version;
  let papers = state.papers;
  let paths = new Map(); // field or row element → its path in the last tree sent
  let sentRows = []; // [row element, index] of the last tree sent
  let shape = "";
  const status = document.querySelector("#trang-thai");

  // The last thing said that is not "being edited / saved": said again
  // when an edit comes to nothing.
  let settled = [status.textContent, ""];
  function say(text, kind = "", passing = false) {
    if (!passing) settled = [text, kind];
    status.textContent = text;
    status.className = `trang-thai ${kind}`;
  }

  // Tabs.
  for (const tab of document.querySelectorAll("[data-the]")) {
    tab.addEventListener("click", () => {
      for (const other of document.querySelectorAll("[data-the]")) {
        other.setAttribute("aria-selected", String(other === tab));
        document.querySelector(`#the-${other.dataset.the}`).hidden = other !== tab;
      }
      if (tab.dataset.the === "yaml") loadYaml();
    });
  }

  // ---- The form as a tree -------------------------------------------------
  const owner = (node) => node.parentElement.closest("[data-item], form");
  const join = (base, key) => (base ? `${base}.${key}` : key);

  function setPath(tree, dotted, value) {
    const keys = dotted.split(".");
    let node = tree;
    for (const key of keys.slice(0, -1)) node = node[key] = node[key] && typeof node[key] === "object" ? node[key] : {};
    node[keys[keys.length - 1]] = value;
  }

  // Figures and dates go as typed ("1.850", "85,5", "21/08/2018"): the
  // server reads them by the clerk's rules, or refuses them at their field.
  function fieldValue(field) {
    const text = field.value.trim();
    if (field.dataset.kieu === "hop") return field.checked || "";
    if (field.dataset.kieu === "dong") return field.value.split("\n").map((line) => line.trim()).filter(Boolean);
    if (field.dataset.kieu === "so" && text) return { __so: text };
    if (field.dataset.kieu === "ngay" && text) return { __ngay: text };
    return text;
  }

  function isEmpty(value) {
    if (value === "" || value === null || value === undefined) return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object" && ("__so" in value || "__ngay" in value)) return false;
    if (typeof value === "object") return Object.entries(value).every(([k, v]) => k.startsWith("__") || isEmpty(v));
    return false;
  }

  function collectScope(scope, base) {
    const tree = {};
    for (const field of scope.querySelectorAll("[data-key]")) {
      if (owner(field) !== scope) continue;
      setPath(tree, field.dataset.key, fieldValue(field));
      paths.set(field, join(base, field.dataset.key));
    }
    for (const list of scope.querySelectorAll("[data-list]")) {
      if (owner(list) !== scope) continue;
      const listPath = join(base, list.dataset.list);
      const items = [];
      for (const row of list.querySelector("[data-items]").children) {
        if (!row.hasAttribute("data-item")) continue;
        const rowPath = `${listPath}[${items.length}]`;
        const value = collectScope(row, rowPath);
        if (isEmpty(value)) continue;
        if (row.dataset.goc !== undefined) value.__goc = Number(row.dataset.goc);
        if (row.hasAttribute("data-thay")) value.__thay = 1;
        paths.set(row, rowPath);
        sentRows.push([row, items.length]);
        items.push(value);
      }
      setPath(tree, list.dataset.list, items);
      paths.set(list, listPath);
    }
    return tree;
  }

  function collect() {
    const form = document.querySelector("#bieu-mau");
    paths = new Map();
    sentRows = [];
    const tree = collectScope(form, "");
    for (const key of (form.dataset.thay || "").split(",").filter(Boolean)) {
      tree[key] = isEmpty(tree[key]) ? null : { ...tree[key], __thay: 1 };
    }
    return tree;
  }

  // What, when it changes, needs the form drawn again: metric codes, groups, list kinds, delegates.
  const shapeOf = (tree) =>
    JSON.stringify([
      (tree.chi_tieu || []).map((metric) => metric.ma),
      (tree.khen_thuong || []).map((group) => Boolean(group.danh_sach_tep)),
      (tree.hoi_nghi?.dai_bieu || []).map((delegate) => [delegate.cap_bac, delegate.ho_ten]),
    ]);

  // ---- Problems at their fields --------------------------------------------
  function placeProblems(problems) {
    const form = document.querySelector("#bieu-mau");
    for (const marked of form.querySelectorAll(".co-loi, .co-canh-bao")) marked.classList.remove("co-loi", "co-canh-bao");
    for (const box of form.querySelectorAll(".loi, .van-de-chung")) box.replaceChildren();
    const byPath = new Map();
    for (const [node, path] of paths) byPath.set(path, node);
    for (const problem of problems || []) {
      let path = problem.path || "";
      // A section stored as one record is the first record of its list in the form.
      for (const { dataset: { list: key } } of form.querySelectorAll("[data-mot-ban-ghi]"))
        if (path.startsWith(key + ".")) path = `${key}[0]${path.slice(key.length)}`;
      let target = byPath.get(path);
      while (!target && path) {
        path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
        if (path === problem.path) break;
        target = byPath.get(path);
      }
      const error = problem.severity === "error";
      const note = problem.severity === "info";
      let box = form.querySelector(".van-de-chung");
      let prefix = "";
      if (target) {
        // A note (how a list was read) is said beside its field, not marked on it.
        if (!note) target.classList.add(error ? "co-loi" : "co-canh-bao");
        if (target.matches("tr")) {
          box = target.closest(".bang").querySelector(":scope > .loi");
          prefix = `Dòng ${[...target.parentElement.children].indexOf(target) + 1}: `;
        } else if (target.matches("fieldset")) {
          box = target.querySelector(":scope > .loi") || box;
        } else if (target.closest("tr")) {
          box = target.closest(".bang").querySelector(":scope > .loi");
          prefix = `Dòng ${[...target.closest("tbody").children].indexOf(target.closest("tr")) + 1}, ${target.getAttribute("aria-label")}: `;
        } else {
          box = (target.closest(".truong, .bang, [data-list]") || form).querySelector(":scope > .loi") || box;
        }
      }
      const where = problem.file && problem.file !== "hoi-nghi.yaml" ? `[${problem.file}${problem.cell ? " " + problem.cell : ""}] ` : "";
      // The form says where in words itself; the key path stays in the YAML tab.
      const said = problem.o_bieu_mau ? where + problem.o_bieu_mau : prefix + where + problem.message;
      box.append(element("p", { class: error ? "loi" : note ? "ghi-chu" : "canh-bao" }, said));
    }
  }

  // ---- Saving ----------------------------------------------------------------
  let timer = null;
  let saving = false;
  let again = false;
  // What a tree says, without the rows' stored places (`__goc` changes
  // after each save without anything typed).
  const content = (tree) => JSON.stringify(tree, (key, value) => (key === "__goc" ? undefined : value));
  let lastSent = content(collect());

  // While edits wait to be saved, the page says so (scripts and tests read it).
  const busy = (yes) => {
    if (yes) document.body.dataset.dangLuu = "1";
    else delete document.body.dataset.dangLuu;
  };

  function schedule() {
    if (state.old) return;
    clearTimeout(timer);
    busy(true);
    say("Đang sửa…", "", true);
    timer = setTimeout(() => {
      timer = null;
      save();
    }, 500);
  }

  // Edits not stored anywhere yet (waiting, being sent, or refused): the
  // page warns before it closes.
  let unsaved = false;
  window.addEventListener("beforeunload", (event) => {
    if (unsaved || timer || saving) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  async function save() {
    if (saving) {
      again = true;
      return;
    }
    const tree = collect();
    const rows = sentRows;
    const sent = content(tree);
    if (sent === lastSent) {
      // Nothing changed since the last save: no new version.
      say(...settled);
      unsaved = false;
      busy(false);
      return;
    }
    saving = true;
    unsaved = true;
    say("Đang lưu…", "", true);
    const result = await api("PUT", `/api/conferences/${id}/form`, tree, { "If-Match": String(version) });
    saving = false;
    const data = result.data || {};
    if (result.status === 200 || (result.status === 422 && data.nhap)) {
      lastSent = sent;
      unsaved = false;
      // The stored rows are now the rows sent, in that order.
      for (const [row, index] of rows) row.dataset.goc = String(index);
      if (result.status === 200) {
        changed(data, data.gop ? "Đã gộp với bản người khác vừa lưu, thành" : "Đã lưu");
      } else {
        version = data.version;
        sayDraft(data.problems);
      }
      placeProblems(data.problems);
      if (data.gop) {
        await redrawForm();
        placeProblems(data.problems);
        tellMerged(data.xung_dot || []);
      } else if (shapeOf(tree) !== shape) {
        await redrawForm();
      }
    } else if (result.status === 422) {
      const errors = (data.problems || []).filter((p) => p.severity === "error").length;
      say(`Chưa lưu: còn ${errors} lỗi`, "loi");
      placeProblems(data.problems);
    } else if (result.status === 409) {
      say(failure(result), "loi");
      status.append(" ", element("a", { href: `/hoi-nghi/${id}`, class: "nut" }, "Tải lại"));
    } else {
      say(`Không lưu được: ${failure(result)}`, "loi");
    }
    if (again) {
      again = false;
      save();
    } else if (!timer || saving) {
      busy(false);
    }
  }

  // A draft kept with its errors: said in the bar that stays in view.
  function sayDraft(problems) {
    const errors = (problems || []).filter((p) => p.severity === "error").length;
    say(`Đã lưu bản nháp (còn ${errors} lỗi, xem ở từng ô). Giấy tờ vẫn làm theo phiên bản ${version} cho đến khi hết lỗi.`, "loi nhap");
  }

  // ---- Two clerks at once ----------------------------------------------------
  const notice = document.querySelector("#thong-bao-gop");

  function labelOf(path) {
    for (const [node, at] of paths) {
      if (at !== path) continue;
      if (node.getAttribute("aria-label")) return node.getAttribute("aria-label");
      const legend = node.querySelector && node.querySelector("legend, h3");
      if (legend) return legend.textContent;
    }
    return /\]$/.test(path) || !/\./.test(path) ? "một danh sách" : "một ô";
  }

  // The notice says what was merged; a field both changed offers her value back.
  function tellMerged(conflicts) {
    window.baocao.tellMerged(notice, conflicts, labelOf, async (conflict) => {
      const body = { duong_dan: conflict.duong_dan, gia_tri: conflict.gia_tri_cua_ban };
      const result = await api("PUT", `/api/conferences/${id}/field`, body, { "If-Match": String(version) });
      if (result.status === 200) changed(result.data, "Đã giữ bản của bạn,");
      else if (result.status === 422 && result.data.nhap) sayDraft(result.data.problems);
      else {
        say(failure(result), "loi");
        return false;
      }
      await redrawForm();
      placeProblems(result.data.problems);
      return true;
    });
  }

  // A new version is stored: status, links, preview.
  function changed(data, verb) {
    version = data.version;
    if (data.papers) papers = data.papers;
    say(`${verb} phiên bản ${version}`, "da-luu");
    drawDownloads();
    drawPaperChoice();
    preview();
  }

  async function redrawForm() {
    // Typed since the last save: drawing now would lose it; the next save redraws.
    if (content(collect()) !== lastSent) {
      schedule();
      return;
    }
    const focused = document.activeElement && paths.get(document.activeElement);
    const response = await fetch(`/hoi-nghi/${id}/bieu-mau?phien_ban=${version}`, { credentials: "same-origin" });
    if (!response.ok) return;
    document.querySelector("#the-bieu-mau").innerHTML = await response.text();
    wireForm();
    const tree = collect();
    shape = shapeOf(tree);
    lastSent = content(tree);
    if (focused) for (const [node, path] of paths) if (path === focused && node.focus) node.focus();
  }

  // An indicator's code renamed: its total and its yearly column are
  // keyed by the code, so they take the new one at once (nothing orphaned).
  function renameCode(field) {
    const row = field.closest("[data-item]");
    const old = row.dataset.maCu ?? field.defaultValue.trim();
    const now = field.value.trim();
    if (!now) return;
    row.dataset.maCu = now;
    if (!old || old === now) return;
    const form = document.querySelector("#bieu-mau");
    const years = form.querySelector("[data-list='ket_qua_nam']");
    for (const cell of form.querySelectorAll("[data-key]")) {
      if (cell.dataset.key === `tong_hop.${old}`) cell.dataset.key = `tong_hop.${now}`;
      else if (years && years.contains(cell) && cell.dataset.key === old) cell.dataset.key = now;
    }
    if (years) for (const head of years.querySelectorAll("th")) if (head.textContent === old) head.textContent = now;
  }

  function wireForm() {
    const form = document.querySelector("#bieu-mau");
    form.addEventListener("input", (event) => {
      if (event.target.matches("[data-list='chi_tieu'] [data-key='ma']")) renameCode(event.target);
      if (!event.target.closest(".tai-danh-sach")) schedule();
    });
    form.addEventListener("change", (event) => {
      if (!event.target.closest(".tai-danh-sach")) schedule();
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("click", (event) => {
      const button = event.target;
      if (button.matches("[data-them]")) {
        const list = button.closest("[data-list]");
        const add = (to) => to.querySelector("[data-items]").appendChild(to.querySelector(":scope > template").content.firstElementChild.cloneNode(true));
        if (list.dataset.cap) add(form.querySelector(`[data-list='${list.dataset.cap}']`));
        add(list).querySelector("input, select, textarea")?.focus();
      } else if (button.matches("[data-xoa]")) {
        const row = button.closest("[data-item]"), cap = row.closest("[data-list]").dataset.cap;
        // A body of a joint paper comes and goes with its signer's record (above too).
        if (cap) form.querySelector(`[data-list='${cap}'] [data-items]`).children[[...row.parentElement.children].indexOf(row)]?.remove();
        row.remove();
        schedule();
      } else if (button.matches("[data-sua-tung-dong]")) {
        listToRows(button.dataset.suaTungDong);
      } else if (button.matches("[data-doc]")) {
        readList(button.closest(".tai-danh-sach"), false);
      }
    });
    if (state.old) for (const field of form.querySelectorAll("input, select, textarea, button")) field.disabled = true;
  }

  // ---- Lists from Excel ------------------------------------------------------
  // A list read from a file, copied into the form's rows to correct one by one.
  async function listToRows(group) {
    const result = await api("POST", `/api/conferences/${id}/lists/${group}/rows`, undefined, { "If-Match": String(version) });
    if (result.status === 200) changed(result.data, "Danh sách đã chép vào biểu mẫu,");
    else if (result.status === 422 && result.data.nhap) sayDraft(result.data.problems);
    else return say(failure(result), "loi");
    await redrawForm();
    placeProblems(result.data.problems);
  }

  async function readList(box, accept) {
    const file = box.querySelector("[data-tep]").files[0];
    const out = box.querySelector(".ket-qua-doc");
    if (!file) {
      out.textContent = "Chọn tệp XLSX hoặc CSV trước.";
      return;
    }
    const body = new FormData();
    body.append(file.name, file, file.name);
    body.append("nhom", box.dataset.nhom);
    body.append("trang", box.querySelector("[data-trang]").value);
    if (accept) body.append("nhan", "1");
    out.textContent = "Đang đọc…";
    const result = await api("POST", `/api/conferences/${id}/lists`, body, { "If-Match": String(version) });
    out.replaceChildren();
    if (accept && result.status === 200) {
      changed(result.data, "Đã nhận danh sách,");
      await redrawForm();
      placeProblems(result.data.problems);
      return;
    }
    if (!result.ok || !result.data.recipients) {
      const list = element("ul", { class: "van-de" });
      showProblems(list, (result.data || {}).problems || [{ severity: "error", message: failure(result) }], true);
      out.append(list);
      return;
    }
    const data = result.data;
    out.append(element("p", {}, `«${data.file}»: đọc được ${data.tap_the} tập thể, ${data.ca_nhan} cá nhân.`));
    const problems = element("ul", { class: "van-de" });
    showProblems(problems, data.problems, true);
    out.append(problems);
    if (data.recipients.length) {
      const table = element("table", { class: "danh-muc" });
      const head = element("tr");
      for (const title of ["#", "Loại", "Danh xưng", "Tên", "Chức vụ", "Đơn vị", "Số sổ"]) head.append(element("th", {}, title));
      table.append(head);
      data.recipients.slice(0, 200).forEach((person, index) => {
        const row = element("tr");
        const kind = person.loai === "tap_the" ? "Tập thể" : "Cá nhân";
        for (const text of [String(index + 1), kind, person.danh_xung, person.ten, person.chuc_vu, person.don_vi, person.so_so]) {
          row.append(element("td", {}, text || ""));
        }
        table.append(row);
      });
      out.append(table);
    }
    if (data.ok) {
      const take = element("button", { type: "button", "data-nhan": "" }, "Nhận danh sách này");
      take.addEventListener("click", () => readList(box, true));
      out.append(take);
    }
  }

  // ---- YAML ------------------------------------------------------------------
  let yamlVersion = version;
  async function loadYaml() {
    if (yamlVersion === version) return;
    const result = await api("GET", `/api/conferences/${id}?phien_ban=${version}`);
    if (result.ok) {
      document.querySelector("#yaml").value = result.data.yaml;
      yamlVersion = version;
    }
  }

  async function putYaml(expected) {
    const text = document.querySelector("#yaml").value;
    return api("PUT", `/api/conferences/${id}`, text, { "If-Match": String(expected), "Content-Type": "application/yaml" });
  }

  document.querySelector("#luu-yaml").addEventListener("click", async () => {
    const list = document.querySelector("#loi-yaml");
    const result = await putYaml(version);
    if (result.status === 200) {
      yamlVersion = result.data.version;
      changed(result.data, "Đã lưu");
      showProblems(list, result.data.problems);
      await redrawForm();
      placeProblems(result.data.problems);
    } else {
      showProblems(list, (result.data || {}).problems || [{ severity: "error", message: failure(result) }]);
      say(result.status === 422 ? "Chưa lưu: YAML còn lỗi" : failure(result), "loi");
    }
  });

  const restore = document.querySelector("#khoi-phuc");
  if (restore) {
    restore.addEventListener("click", async () => {
      const result = await putYaml(state.latest);
      if (result.status === 200) location.href = `/hoi-nghi/${id}`;
      else say(failure(result), "loi");
    });
  }

  // ---- Preview -----------------------------------------------------------------
  const choice = document.querySelector("#giay");
  const picture = document.querySelector("#anh-xem-truoc");
  const note = document.querySelector("#xem-truoc-loi");
  let page = 1;
  let pages = 1;
  let pending = null;

  function printQuery(paper) {
    if (!paper.startsWith("khen-")) return "";
    const how = document.querySelector("#cach-in").value;
    const printer = document.querySelector("#may-in").value;
    const query = new URLSearchParams();
    if (how) query.set("in", how);
    if (printer) query.set("may_in", printer);
    const text = query.toString();
    return text ? `?${text}` : "";
  }

  async function preview() {
    const paper = choice.value;
    if (!paper) return;
    if (pending) pending.abort();
    pending = new AbortController();
    const shown = version;
    picture.parentElement.classList.add("dang-tai");
    try {
      const response = await fetch(`/api/conferences/${id}/preview/${shown}/${paper}/${page}.png${printQuery(paper)}`, {
        credentials: "same-origin",
        signal: pending.signal,
      });
      if (response.ok) {
        pages = Number(response.headers.get("X-Trang")) || 1;
        const old = picture.src;
        picture.src = URL.createObjectURL(await response.blob());
        picture.dataset.phienBan = String(shown);
        picture.dataset.giay = paper;
        if (old.startsWith("blob:")) URL.revokeObjectURL(old);
        note.textContent = "";
        if (paper.startsWith("khen-")) {
          const warned = await api("GET", `/api/conferences/${id}/preview/${shown}/${paper}/canh-bao${printQuery(paper)}`);
          const found = (warned.data && warned.data.problems) || [];
          note.textContent = found.map((problem) => problem.message).join(" · ");
        }
      } else {
        const data = response.headers.get("Content-Type")?.includes("json") ? await response.json() : {};
        note.textContent = `Không xem trước được: ${((data.problems || [])[0] || {}).message || response.status}`;
      }
      document.querySelector("#so-trang").textContent = `${Math.min(page, pages)} / ${pages}`;
    } catch (error) {
      if (error.name !== "AbortError") note.textContent = `Không xem trước được: ${error.message}`;
    }
    picture.parentElement.classList.remove("dang-tai");
  }

  choice.addEventListener("change", () => {
    page = 1;
    preview();
  });
  document.querySelector("#trang-truoc").addEventListener("click", () => {
    if (page > 1) {
      page -= 1;
      preview();
    }
  });
  document.querySelector("#trang-sau").addEventListener("click", () => {
    if (page < pages) {
      page += 1;
      preview();
    }
  });

  function paperLabel(paper) {
    if (paper.startsWith("quyet-dinh-")) return `Quyết định khen thưởng ${paper.slice(11)}`;
    if (paper.startsWith("khen-")) return `Bằng khen / giấy khen nhóm ${paper.slice(5)}`;
    if (paper.startsWith("to-trinh-")) return `Tờ trình đề nghị khen thưởng nhóm ${paper.slice(9)}`;
    return { "bao-cao": "Báo cáo", "tin-bai": "Tin bài" }[paper] || paper;
  }

  function drawPaperChoice() {
    const current = choice.value;
    choice.replaceChildren();
    for (const paper of papers) choice.append(element("option", { value: paper }, paperLabel(paper)));
    if (papers.includes(current)) choice.value = current;
  }

  // ---- Downloads and issuing ------------------------------------------------------
  function drawDownloads() {
    const rows = document.querySelector("#tai-ve tbody");
    rows.replaceChildren();
    for (const paper of papers) {
      const row = element("tr");
      row.append(element("td", {}, paperLabel(paper)));
      const cell = element("td");
      for (const format of paper === "tin-bai" ? ["pdf", "docx", "txt"] : ["pdf", "docx"]) {
        const extra = printQuery(paper).replace("?", "&");
        const href = `/api/conferences/${id}/files/${paper}.${format}?phien_ban=${version}${extra}`;
        cell.append(element("a", { href, download: "" }, format.toUpperCase()), " ");
      }
      row.append(cell);
      rows.append(row);
    }
    const extra = printQuery("khen-").replace("?", "&");
    document.querySelector("#tai-ca-bo").href = `/api/conferences/${id}/pack.zip?phien_ban=${version}${extra}`;
  }

  for (const select of ["#cach-in", "#may-in"]) {
    document.querySelector(select).addEventListener("change", () => {
      drawDownloads();
      if (choice.value.startsWith("khen-")) preview();
    });
  }

  // "Ban hành" asks first (ban-hanh.js); once issued, the page follows the new version.
  window.baocao.conference = {
    id,
    version: () => version,
    page: () => page,
    issued: async (data) => {
      changed(data, "Đã ban hành,");
      await redrawForm();
    },
  };

  // ---- Start -----------------------------------------------------------------------
  wireForm();
  shape = shapeOf(collect());
  placeProblems(state.problems);
  if (state.draft) sayDraft(state.problems);
  drawDownloads();
  preview();
})();
