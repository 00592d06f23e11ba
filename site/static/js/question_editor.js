/*
 * The question editor in the consultation page editor (registered by consultations/wagtail_hooks.py).
 *
 * - Shows only the fields the chosen kind uses: the kind's <select> carries the kinds registry's
 *   list (data-kind-settings), so the server stays the one source of truth. Without this script
 *   every field shows.
 * - Names each question's panel by its reference and prompt ("Q4 – Tell us about…") as they are
 *   typed, instead of its position.
 * - Keeps an answered question's remove control disabled, described by the reason shown beside it.
 */
(function () {
  "use strict";

  var PROMPT_CHARS = 60;

  function kindSettings(select) {
    try {
      return JSON.parse(select.getAttribute("data-kind-settings"));
    } catch (error) {
      return null;
    }
  }

  function questionPanel(element) {
    return element.closest("[data-inline-panel-child]");
  }

  function showKindFields(select) {
    var byKind = kindSettings(select);
    var panel = questionPanel(select);
    if (!byKind || !panel) {
      return;
    }
    var used = byKind[select.value] || [];
    var every = {};
    Object.keys(byKind).forEach(function (kind) {
      byKind[kind].forEach(function (name) {
        every[name] = true;
      });
    });
    Object.keys(every).forEach(function (name) {
      var field = panel.querySelector('[data-contentpath="' + name + '"]');
      if (field) {
        (field.closest(".w-panel__wrapper") || field).hidden = used.indexOf(name) === -1;
      }
    });
  }

  function shorten(text) {
    return text.length > PROMPT_CHARS ? text.slice(0, PROMPT_CHARS - 1).trim() + "…" : text;
  }

  function nameQuestion(panel) {
    var reference = panel.querySelector('input[name$="-reference"]');
    var prompt = panel.querySelector('[name$="-prompt"]');
    var heading = panel.querySelector("[data-panel-heading-text]");
    if (!reference || !heading) {
      return;
    }
    var ref = reference.value.trim().replace(/^q(uestion)?\.?\s*/i, "");
    if (!ref) {
      return;
    }
    var words = prompt ? prompt.value.trim() : "";
    var status = panel.querySelector("[data-name-format]");
    var format = status ? status.getAttribute("data-name-format") : "Q%(reference)s – %(prompt)s";
    if (!words) {
      format = format.slice(0, format.indexOf("%(reference)s") + "%(reference)s".length);
    }
    heading.textContent = format.replace("%(reference)s", ref).replace("%(prompt)s", shorten(words));
  }

  function guardRemoval(panel) {
    var reason = panel.querySelector("[data-removal-reason]");
    var remove = panel.querySelector('[id$="-DELETE-button"]');
    if (!reason || !remove) {
      return;
    }
    remove.disabled = true;
    remove.setAttribute("aria-describedby", reason.id);
    remove.title = reason.textContent.trim();
  }

  function prepare(panel) {
    var select = panel.querySelector("select[data-kind-settings]");
    if (!select) {
      return;
    }
    showKindFields(select);
    nameQuestion(panel);
    guardRemoval(panel);
  }

  function prepareAll() {
    document.querySelectorAll("select[data-kind-settings]").forEach(function (select) {
      var panel = questionPanel(select);
      if (panel) {
        prepare(panel);
      }
    });
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-kind-settings]")) {
      showKindFields(event.target);
    }
  });
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target.name && /-(reference|prompt)$/.test(target.name)) {
      var panel = questionPanel(target);
      if (panel && panel.querySelector("select[data-kind-settings]")) {
        nameQuestion(panel);
      }
    }
  });
  document.addEventListener("w-formset:added", prepareAll);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", prepareAll);
  } else {
    prepareAll();
  }
})();
