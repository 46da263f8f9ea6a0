/*
 * While a citizen types a question, list published answers and procedures that may already
 * answer it (the portal's own search, accents ignored: /hoi-dap/goi-y/?q=…). The form works and
 * sends without this script; it only saves a question that has been answered before.
 */
(function () {
    "use strict";

    var MIN_LENGTH = 12;
    var DELAY_MS = 500;

    document.querySelectorAll("[data-suggest-url]").forEach(function (box) {
        var input = document.getElementById(box.dataset.suggestFor);
        if (!input || !window.fetch) {
            return;
        }
        var timer = null;
        var lastQuery = "";

        function show(results) {
            box.textContent = "";
            if (!results.length) {
                box.hidden = true;
                return;
            }
            var heading = document.createElement("h2");
            heading.textContent = box.dataset.suggestHeading;
            var list = document.createElement("ul");
            results.forEach(function (result) {
                var item = document.createElement("li");
                var link = document.createElement("a");
                link.href = result.url;
                link.textContent = result.title;
                var kind = document.createElement("span");
                kind.className = "meta-list";
                kind.textContent = " (" + result.type_label + ")";
                item.appendChild(link);
                item.appendChild(kind);
                list.appendChild(item);
            });
            box.appendChild(heading);
            box.appendChild(list);
            box.hidden = false;
        }

        function lookUp() {
            var query = input.value.trim().slice(0, 200);
            if (query.length < MIN_LENGTH || query === lastQuery) {
                return;
            }
            lastQuery = query;
            fetch(box.dataset.suggestUrl + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (query === lastQuery) {
                        show(data.results || []);
                    }
                })
                .catch(function () {
                    box.hidden = true;
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(lookUp, DELAY_MS);
        });
    });
})();
