/*
 * On narrow screens the main menu folds behind a "Danh mục" button (the WAI-ARIA disclosure
 * pattern), so a phone shows the page before eight menu lines. Without JavaScript, and on wide
 * screens, the menu is simply shown.
 */
(function () {
    "use strict";

    var nav = document.querySelector(".main-nav");
    var list = nav && nav.querySelector("ul");
    if (!list || !window.matchMedia) {
        return;
    }
    var narrow = window.matchMedia("(max-width: 47.99rem)");
    var button = document.createElement("button");
    var icon = document.createElement("span");
    button.type = "button";
    button.className = "main-nav__toggle";
    button.setAttribute("aria-expanded", "false");
    list.id = list.id || "main-nav-list";
    button.setAttribute("aria-controls", list.id);
    icon.className = "main-nav__icon";
    icon.setAttribute("aria-hidden", "true");
    button.appendChild(icon);
    button.appendChild(document.createTextNode(nav.getAttribute("data-menu-label") || "Danh mục"));
    nav.insertBefore(button, list);

    function apply() {
        list.hidden = narrow.matches && button.getAttribute("aria-expanded") !== "true";
    }

    button.addEventListener("click", function () {
        button.setAttribute("aria-expanded", button.getAttribute("aria-expanded") === "true" ? "false" : "true");
        apply();
    });
    if (narrow.addEventListener) {
        narrow.addEventListener("change", apply);
    }
    apply();
})();
