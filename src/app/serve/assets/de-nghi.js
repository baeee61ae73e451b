// baocao serve: the proposals page — send a conference's proposal up,
// return one with its reason, accept one into an award group — each a
// call of the JSON API; the page reloads to show where things stand.
"use strict";

(() => {
  const { api, failure } = window.baocao;

  async function submit(form, method, url, body) {
    const said = form.querySelector(".thong-bao");
    const result = await api(method, url, body);
    if (result.ok) {
      location.reload();
      return;
    }
    const problems = (result.data && result.data.problems) || [];
    said.textContent = problems.length ? problems.map((p) => p.o_bieu_mau || p.message).join("; ") : failure(result);
  }

  for (const form of document.querySelectorAll("form[data-tra-lai]")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(form, "POST", `/api/proposals/${form.dataset.traLai}/return`, { ly_do: form.ly_do.value });
    });
  }
  for (const form of document.querySelectorAll("form[data-nhan]")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = { hoi_nghi: Number(form.hoi_nghi.value), nhom: Number(form.nhom.value) };
      submit(form, "POST", `/api/proposals/${form.dataset.nhan}/accept`, body);
    });
  }
  const send = document.getElementById("gui-de-nghi");
  if (send) {
    send.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(send, "POST", `/api/conferences/${send.hoi_nghi.value}/proposals`, { nhom: Number(send.nhom.value) });
    });
  }
})();
