// On a phone the filter lists would push the results a screen or two down, so they
// fold behind their heading. Without JavaScript, or with a filter chosen, they stay open.
(function () {
    "use strict";
    if (!window.matchMedia("(max-width: 47.99em)").matches) {
        return;
    }
    document.querySelectorAll("details.facet-panel[open]").forEach(function (panel) {
        if (!panel.querySelector('[aria-current="true"]')) {
            panel.open = false;
        }
    });
})();
