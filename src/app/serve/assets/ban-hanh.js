// baocao serve: "Ban hành" with care — first what will be numbered (which
// decisions, which sổ vàng numbers, from which counter), asked once; the
// confirmation issues exactly that version, and a repeated click, a reload
// or a second tab changes nothing. Plain JavaScript, served by the binary.
"use strict";

(() => {
  const { api, element, showProblems, failure } = window.baocao;
  const asked = document.querySelector("#xac-nhan-ban-hanh");
  const out = document.querySelector("#ket-qua-ban-hanh");
  const list = document.querySelector("#loi-ban-hanh");
  const start = document.querySelector("#ban-hanh");
  const confirm = document.querySelector("#xac-nhan-cap-so");
  let planned = null;

  const registers = {
    quyet_dinh: "sổ số quyết định",
    giay_moi: "sổ số giấy mời",
    so_vang_bang_khen: "sổ vàng bằng khen",
    so_vang_giay_khen: "sổ vàng giấy khen",
  };

  // One line per award group and register: "Nhóm 1: quyết định số 58/QĐ-UBND (sổ số quyết định
  // của «UBND…» năm 2018)", "Nhóm 1: số 0101 đến 0103 cho 3 người nhận (sổ vàng bằng khen …)".
  function lines(drawn) {
    const groups = new Map();
    for (const number of drawn) {
      const key = `${number.nhom}|${number.so}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(number);
    }
    return [...groups.values()].map((numbers) => {
      const [first, last] = [numbers[0], numbers[numbers.length - 1]];
      const from = `${registers[first.so] || "sổ"} của «${first.co_quan}» năm ${first.nam}`;
      if (first.so === "giay_moi") return `Giấy mời số ${first.so_cap} (${from})`;
      if (!first.nguoi_nhan) return `Nhóm ${first.nhom}: quyết định số ${first.so_cap} (${from})`;
      const range = numbers.length === 1 ? `số ${first.so_cap}` : `số ${first.so_cap} đến ${last.so_cap}`;
      return `Nhóm ${first.nhom}: ${range} cho ${numbers.length} người nhận (${from})`;
    });
  }

  start.addEventListener("click", async () => {
    const conference = window.baocao.conference;
    start.disabled = true;
    out.textContent = "";
    const result = await api("GET", `/api/conferences/${conference.id}/issue?phien_ban=${conference.version()}`);
    start.disabled = false;
    if (!result.ok) {
      out.textContent = result.status === 422 ? "Chưa ban hành được:" : failure(result);
      showProblems(list, (result.data || {}).problems || []);
      return;
    }
    showProblems(list, []);
    if (result.data.unchanged) {
      out.textContent = `Đã ban hành rồi (phiên bản ${result.data.version}): không còn số nào để cấp.`;
      return;
    }
    planned = result.data.version;
    const shown = lines(result.data.drawn);
    if (!shown.length) shown.push("Không số nào phải cấp thêm: các số đã ghi tay được vào sổ.");
    document.querySelector("#se-cap").replaceChildren(...shown.map((line) => element("li", {}, line)));
    asked.hidden = false;
    confirm.focus();
  });

  document.querySelector("#thoi-ban-hanh").addEventListener("click", () => {
    asked.hidden = true;
    planned = null;
  });

  confirm.addEventListener("click", async () => {
    if (planned === null) return;
    const conference = window.baocao.conference;
    // Issues the version that was shown: if it changed meanwhile, nothing is issued.
    const version = planned;
    planned = null;
    confirm.disabled = true;
    const result = await api("POST", `/api/conferences/${conference.id}/issue`, undefined, { "If-Match": String(version) });
    confirm.disabled = false;
    asked.hidden = true;
    if (result.ok && result.data.unchanged) {
      out.textContent = `Đã ban hành rồi (phiên bản ${result.data.version}): không cấp thêm số nào.`;
    } else if (result.ok) {
      showProblems(list, []);
      out.textContent = `Đã ban hành (phiên bản ${result.data.version}): quyết định số ${result.data.decisions.join("; ")}.`;
      await conference.issued(result.data);
    } else {
      out.textContent = result.status === 422 ? "Chưa ban hành được:" : failure(result);
      showProblems(list, (result.data || {}).problems || []);
    }
  });
})();
