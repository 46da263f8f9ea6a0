/*
 * Search suggestions for every input with data-autocomplete-url: a progressive enhancement
 * (the forms submit without it) following the WAI-ARIA combobox pattern with a listbox popup.
 * Keys: Down/Up move through suggestions, Enter opens the highlighted one, Escape closes.
 */
(function () {
    "use strict";

    var DELAY_MS = 200;
    var MIN_LENGTH = 2;
    var counter = 0;

    function enhance(input) {
        var url = input.getAttribute("data-autocomplete-url");
        if (!url || !window.fetch) {
            return;
        }
        counter += 1;
        var listId = "search-suggestions-" + counter;
        var statusId = listId + "-status";
        var wrapper = document.createElement("div");
        wrapper.className = "search-autocomplete";
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-autocomplete__list";
        list.setAttribute("role", "listbox");
        // Interface words come translated from the template, which knows the active language.
        list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "Gợi ý tìm kiếm");
        list.hidden = true;
        wrapper.appendChild(list);

        var status = document.createElement("div");
        status.id = statusId;
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var items = [];
        var active = -1;
        var timer = null;
        var lastQuery = "";
        var controller = null;

        function close() {
            list.hidden = true;
            list.innerHTML = "";
            items = [];
            active = -1;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
        }

        function highlight(index) {
            items.forEach(function (item, i) {
                item.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", items[index].id);
                items[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(results) {
            list.innerHTML = "";
            items = results.map(function (result, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.className = "search-autocomplete__option";
                option.textContent = result.title;
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();  // keep focus in the input until we navigate
                    window.location.href = result.url;
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            if (items.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = (
                    input.getAttribute("data-autocomplete-status") || "{count} gợi ý. Dùng phím mũi tên lên, xuống để chọn."
                ).replace("{count}", items.length);
            } else {
                close();
                status.textContent = "";
            }
        }

        function suggest() {
            var query = input.value.trim();
            if (query.length < MIN_LENGTH) {
                close();
                return;
            }
            if (query === lastQuery && !list.hidden) {
                return;
            }
            lastQuery = query;
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            var target = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
            fetch(target, { headers: { Accept: "application/json" }, signal: controller && controller.signal })
                .then(function (response) {
                    return response.ok ? response.json() : { results: [] };
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(data.results || []);
                    }
                })
                .catch(function () {
                    /* Suggestions are optional: the form still searches. */
                });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(suggest, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown") {
                if (list.hidden) {
                    suggest();
                    return;
                }
                event.preventDefault();
                highlight(active + 1 < items.length ? active + 1 : 0);
            } else if (event.key === "ArrowUp") {
                if (list.hidden) {
                    return;
                }
                event.preventDefault();
                highlight(active > 0 ? active - 1 : items.length - 1);
            } else if (event.key === "Enter") {
                if (active >= 0 && items[active]) {
                    event.preventDefault();
                    var event2 = new MouseEvent("mousedown", { bubbles: true, cancelable: true });
                    items[active].dispatchEvent(event2);
                }
            } else if (event.key === "Escape") {
                if (!list.hidden) {
                    event.preventDefault();
                    close();
                }
            }
        });

        input.addEventListener("blur", function () {
            window.setTimeout(close, 150);
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("input[data-autocomplete-url]"), enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
