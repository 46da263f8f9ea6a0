/*
 * Proof of work for citizen forms (participation/spam.py). The form holds a hidden input marked
 * data-altcha-challenge with the URL of a signed challenge (ALTCHA v1 format: algorithm, challenge,
 * maxNumber, salt, signature). The browser finds the number n with SHA-256(salt + n) == challenge
 * and puts the answer, base64 JSON, in the input. Work starts when the citizen first touches the
 * form, so it is usually done by the time they send; otherwise sending waits for it. A solution
 * about to expire is replaced. Messages come from the input's data attributes (translated).
 */
(function () {
    "use strict";

    if (!window.crypto || !window.crypto.subtle || !window.fetch || !window.TextEncoder) {
        return;
    }
    var encoder = new TextEncoder();

    function hex(buffer) {
        var bytes = new Uint8Array(buffer);
        var out = "";
        for (var i = 0; i < bytes.length; i++) {
            out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
        }
        return out;
    }

    function expiresAt(salt) {
        var match = /[?&]expires=(\d+)/.exec(salt);
        return match ? parseInt(match[1], 10) * 1000 : Infinity;
    }

    async function solve(challenge) {
        for (var n = 0; n <= challenge.maxNumber; n++) {
            var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n));
            if (hex(digest) === challenge.challenge) {
                return n;
            }
        }
        return null;
    }

    async function prove(input) {
        var response = await fetch(input.dataset.altchaChallenge, {credentials: "same-origin"});
        if (!response.ok) {
            throw new Error("challenge " + response.status);
        }
        var challenge = await response.json();
        var number = await solve(challenge);
        if (number === null) {
            throw new Error("unsolved");
        }
        input.value = btoa(JSON.stringify({
            algorithm: challenge.algorithm,
            challenge: challenge.challenge,
            number: number,
            salt: challenge.salt,
            signature: challenge.signature
        }));
        return expiresAt(challenge.salt);
    }

    document.querySelectorAll("input[data-altcha-challenge]").forEach(function (input) {
        var form = input.form;
        var status = form.querySelector("[data-altcha-status]");
        var pending = null;
        var validUntil = 0;

        function say(text) {
            if (status) {
                status.textContent = text || "";
            }
        }

        function start() {
            // A minute of margin: the server must receive the answer before the challenge expires.
            if (pending === null && (input.value === "" || Date.now() > validUntil - 60000)) {
                input.value = "";
                pending = prove(input).then(function (until) {
                    validUntil = until;
                    pending = null;
                }, function (error) {
                    pending = null;
                    throw error;
                });
            }
            return pending || Promise.resolve();
        }

        form.addEventListener("focusin", function () {
            start().catch(function () {});
        }, {once: true});

        form.addEventListener("submit", function (event) {
            if (input.value !== "" && Date.now() < validUntil - 60000) {
                return;
            }
            event.preventDefault();
            say(input.dataset.altchaWorking);
            start().then(function () {
                say(input.dataset.altchaDone);
                form.submit();
            }, function () {
                say(input.dataset.altchaFailed);
            });
        });
    });
})();
