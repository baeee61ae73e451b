// baocao serve: the notice a clerk reads when her edit was merged with a
// colleague's (conference page). Fields only one of them changed are
// merged already; each field both changed is shown with both values and a
// choice. `keepMine(conflict)` sends hers and answers whether it was kept.
"use strict";

window.baocao.tellMerged = (notice, conflicts, labelOf, keepMine) => {
  const { element } = window.baocao;
  const hideWhenDone = () => {
    if (!notice.querySelector(".xung-dot")) notice.hidden = true;
  };
  notice.replaceChildren();
  notice.hidden = false;
  notice.append(
    element(
      "p",
      {},
      conflicts.length
        ? `Có người vừa lưu hội nghị này. Các sửa đổi ở ô khác nhau đã được gộp cả hai; ${conflicts.length} ô cả hai cùng sửa — hãy chọn giữ bản nào:`
        : "Có người vừa lưu hội nghị này. Sửa đổi của bạn và của họ ở các ô khác nhau đã được gộp cả hai.",
    ),
  );
  for (const conflict of conflicts) {
    const line = element("div", { class: "xung-dot", "data-duong-dan": conflict.duong_dan });
    line.append(element("strong", {}, labelOf(conflict.duong_dan)), ": ");
    line.append(`bạn gõ «${conflict.cua_ban}», người kia đã lưu «${conflict.cua_nguoi_khac}». `);
    const mine = element("button", { type: "button", "data-giu-cua-toi": "" }, "Giữ của tôi");
    const theirs = element("button", { type: "button", class: "phu", "data-giu-ban-kia": "" }, "Giữ bản đã lưu");
    mine.addEventListener("click", async () => {
      if (!(await keepMine(conflict))) return;
      line.remove();
      hideWhenDone();
    });
    theirs.addEventListener("click", () => {
      line.remove();
      hideWhenDone();
    });
    line.append(mine, " ", theirs);
    notice.append(line);
  }
  if (!conflicts.length) {
    const close = element("button", { type: "button", class: "phu" }, "Đã hiểu");
    close.addEventListener("click", () => (notice.hidden = true));
    notice.append(close);
  }
};
