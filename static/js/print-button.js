/*
 * "In danh sách" / "In áp phích": a button marked data-print opens the browser's print dialog.
 * The portal's content security policy blocks inline handlers, so the click is wired here. The
 * button ships hidden and is shown only once it works; without JavaScript the browser's own
 * print command does the same job.
 */
(function () {
    "use strict";

    if (typeof window.print !== "function") {
        return;
    }
    document.querySelectorAll("button[data-print]").forEach(function (button) {
        button.addEventListener("click", function () {
            window.print();
        });
        button.hidden = false;
    });
})();
