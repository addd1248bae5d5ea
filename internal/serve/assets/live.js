// strategia serve: live reload, "budowanie…" indicator and error overlay.
// Served only by `strategia serve`; the published HTML edition has no script.
(function () {
  "use strict";
  var here = location.pathname;
  var isIndex = here === "/";
  var slug = decodeURIComponent(here.split("/")[1] || "");
  var metaSeq = document.querySelector('meta[name="strategia-seq"]');
  var seq = metaSeq ? Number(metaSeq.content) : 0;
  var ui, busy, overlay, list, summary;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function build() {
    ui = el("div");
    ui.id = "strategia-live";
    busy = el("div", "sl-busy", "budowanie…");
    busy.setAttribute("role", "status");
    busy.hidden = true;
    overlay = el("section", "sl-overlay");
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "sl-title");
    overlay.hidden = true;
    var title = el("h2", "", "Błędy w treści – dokument nie został przebudowany");
    title.id = "sl-title";
    summary = el("p", "sl-summary");
    list = el("ul", "sl-list");
    var close = el("button", "sl-close", "Ukryj");
    close.type = "button";
    close.addEventListener("click", function () { overlay.hidden = true; });
    overlay.append(title, summary, list, close);
    ui.append(busy, overlay);
    document.body.append(ui);
  }

  function showErrors(p) {
    if (!p || (p.status !== "errors" && p.status !== "failed")) {
      overlay.hidden = true;
      return;
    }
    list.replaceChildren();
    function position(li, d) {
      var pos = d.file + (d.line ? ":" + d.line + (d.col ? ":" + d.col : "") : "");
      if (d.href) {
        var a = el("a", "sl-pos", pos);
        a.href = d.href;
        a.title = "Otwórz w edytorze";
        li.append(a);
      } else if (d.file) {
        li.append(el("span", "sl-pos", pos));
      }
    }
    (p.diags || []).forEach(function (d) {
      if (d.severity !== "error") return;
      var li = el("li", "sl-" + d.severity);
      position(li, d);
      li.append(document.createTextNode(" " + d.severity + (d.rule ? ": " + d.rule : "") + ": " + d.msg));
      if (d.related && d.related.length) {
        var ul = el("ul", "sl-related");
        d.related.forEach(function (r) {
          var rli = el("li");
          rli.append(document.createTextNode(r.msg + ": "));
          position(rli, r);
          ul.append(rli);
        });
        li.append(ul);
      }
      list.append(li);
    });
    summary.textContent = "Poniżej ostatnia poprawna wersja dokumentu. Błędy (" + list.children.length +
      ") – kliknij położenie, aby otworzyć plik w edytorze:";
    overlay.hidden = false;
  }

  // readingPoint names the section the reader is in and how far its top
  // is from the top of the window.
  function readingPoint() {
    var best = null;
    var els = document.querySelectorAll("main section[id], main [id]");
    for (var i = 0; i < els.length; i++) {
      var top = els[i].getBoundingClientRect().top;
      if (top <= 8) best = { id: els[i].id, top: top };
      else break;
    }
    return best;
  }

  function restore(p) {
    if (!p) return;
    var e = document.getElementById(p.id);
    if (e) window.scrollBy(0, e.getBoundingClientRect().top - p.top);
  }

  function sameAttrs(a, b) {
    if (a.attributes.length !== b.attributes.length) return false;
    for (var i = 0; i < a.attributes.length; i++) {
      if (b.getAttribute(a.attributes[i].name) !== a.attributes[i].value) return false;
    }
    return true;
  }

  // morph makes the node a like b, replacing only the subtrees that
  // differ: a long document is laid out again only where it changed.
  function morph(a, b) {
    if (a.isEqualNode(b)) return;
    if (a.nodeType !== 1 || a.nodeName !== b.nodeName || !sameAttrs(a, b) ||
        a.childNodes.length !== b.childNodes.length) {
      a.replaceWith(b);
      return;
    }
    var as = Array.prototype.slice.call(a.childNodes);
    var bs = Array.prototype.slice.call(b.childNodes);
    for (var i = 0; i < as.length; i++) morph(as[i], bs[i]);
  }

  // patch applies a changed section sent with the event, when the page is
  // the version the change starts from; it reports whether it did.
  function patch(e) {
    if (!e.fragment || e.base !== seq || loading) return false;
    var old = document.getElementById(e.fragment.id);
    if (!old) return false;
    var t0 = performance.now();
    var point = readingPoint();
    var tpl = document.createElement("template");
    tpl.innerHTML = e.fragment.html;
    old.replaceWith(tpl.content);
    restore(point);
    seq = e.seq;
    document.documentElement.setAttribute("data-strategia-seq", String(seq));
    window.strategiaRefreshMs = performance.now() - t0;
    return true;
  }

  var loading = null;
  // refresh fetches the page again and swaps its body in place, so the
  // reader stays where they were.
  function refresh(newSeq) {
    if (loading) { loading.again = newSeq; return; }
    loading = { again: 0 };
    var t0 = performance.now();
    fetch(here, { cache: "no-store" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.text();
    }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var point = readingPoint();
      var m = doc.querySelector('meta[name="strategia-seq"]');
      if (m) seq = Math.max(seq, Number(m.content));
      document.title = doc.title;
      var olds = Array.prototype.filter.call(document.body.childNodes, function (n) { return n !== ui; });
      var news = Array.prototype.slice.call(doc.body.childNodes);
      if (olds.length === news.length) {
        for (var i = 0; i < olds.length; i++) morph(olds[i], news[i]);
      } else {
        document.body.replaceChildren.apply(document.body, news.concat([ui]));
      }
      restore(point);
      document.documentElement.setAttribute("data-strategia-seq", String(seq));
      // How long the browser's part took (fetch, parse, swap), for the
      // benchmark of save → updated page.
      window.strategiaRefreshMs = performance.now() - t0;
    }).catch(function () {
      location.reload();
    }).then(function () {
      var again = loading.again;
      loading = null;
      if (again > seq) refresh(again);
    });
  }

  function onEvent(ev) {
    var e = JSON.parse(ev.data);
    if (isIndex) {
      if (e.type === "building") busy.hidden = false;
      if (e.type === "done") location.reload();
      return;
    }
    switch (e.type) {
      case "hello":
        (e.partnerships || []).forEach(function (p) {
          if (p.slug !== slug) return;
          busy.hidden = p.status !== "building";
          showErrors(p);
        });
        if (e.docs && e.docs[here] > seq) refresh(e.docs[here]);
        break;
      case "building":
        if (e.slug === slug) busy.hidden = false;
        break;
      case "doc":
        if (e.doc !== here || e.seq <= seq) break;
        if (!patch(e)) refresh(e.seq);
        break;
      case "done":
        if (e.slug !== slug) break;
        busy.hidden = true;
        showErrors(e.partnership);
        break;
    }
  }

  function connect() {
    var es = new EventSource("/_strategia/events");
    es.onmessage = onEvent;
    es.onopen = function () { document.documentElement.setAttribute("data-strategia-live", "1"); };
  }

  build();
  document.documentElement.setAttribute("data-strategia-seq", String(seq));
  connect();
})();
