/* 窄屏（60em 以下）的栏目导航：页眉的“菜单”按钮显示或收起导航。
 * Without JavaScript the stylesheet shows the navigation and hides the button
 * (@media (scripting: none)); closed, the navigation is display:none, so none of its links
 * can be reached by Tab. Escape closes it and returns to the button. */
(function () {
  "use strict";
  var button = document.getElementById("xz-menu");
  var nav = document.getElementById("xz-nav");
  if (!button || !nav) return;

  function open() {
    return button.getAttribute("aria-expanded") === "true";
  }
  function set(opened) {
    button.setAttribute("aria-expanded", opened ? "true" : "false");
    nav.classList.toggle("xz-nav--open", opened);
  }
  button.addEventListener("click", function () {
    set(!open());
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && open()) {
      set(false);
      button.focus();
    }
  });
})();
