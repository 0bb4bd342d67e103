/**
 * Abri search: Material's search box, our engine.
 *
 * - Lazy: nothing is downloaded until the reader opens or focuses the search box; then lunr,
 *   the language's stemmer and this language's index (search/index.js) load as plain scripts,
 *   which also works from file:// (no fetch, no worker).
 * - Scoped: each language has its own index, so results are always in the page's language.
 * - Forgiving: accents are ignored, words are stemmed (plural, verb forms), everyday words are
 *   expanded with the synonyms of data/search/synonyms.<lang>.yml, and a near-miss spelling
 *   still matches.
 * - Private: the form never submits; search words never reach a URL, the history or storage.
 */
(function () {
  "use strict";

  document.documentElement.classList.remove("no-js");
  document.documentElement.classList.add("js");

  var box = document.querySelector(".abri-search");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  build(box);
  var input = box.querySelector("input[name=q]");
  var form = box.querySelector("form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var lang = box.getAttribute("data-lang") || "fr";
  var indexUrl = new URL(box.getAttribute("data-index"), location.href);
  var lunrBase = new URL(box.getAttribute("data-lunr"), location.href);
  var rootUrl = new URL("..", indexUrl);
  var MAX_RESULTS = 10;
  var RERANK_DEPTH = 30;
  var TITLE_WEIGHT = 2;

  var engine = null;
  var loading = null;
  var lastQuery = "";

  /**
   * Create an element with attributes and children (elements or text).
   * @param {string} tag
   * @param {Object<string, string>} attributes
   * @param {Array<Node|string>} [children]
   * @returns {HTMLElement}
   */
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /**
   * Build Material's search markup inside the page's empty box (partials/search.html), with
   * the texts of its data-i18n-* attributes. It is built when the page loads, not when the
   * search opens, so that screen readers know the live region before it first speaks.
   * @param {HTMLElement} root
   */
  function build(root) {
    var say = function (key) { return root.getAttribute("data-i18n-" + key) || ""; };
    var icon = function (name) { return el("span", { "class": "abri-icon abri-icon--" + name, "aria-hidden": "true" }); };
    root.setAttribute("role", "dialog");
    root.setAttribute("aria-label", say("label"));
    root.appendChild(el("label", { "class": "md-search__overlay", "for": "__search", "aria-hidden": "true" }));
    root.appendChild(el("div", { "class": "md-search__inner", role: "search" }, [
      el("form", { "class": "md-search__form", name: "abri-search" }, [
        el("input", {
          type: "search", "class": "md-search__input", name: "q", "aria-label": say("label"),
          placeholder: say("placeholder"), autocapitalize: "off", autocomplete: "off", spellcheck: "false",
        }),
        el("label", { "class": "md-search__icon md-icon", "for": "__search", "aria-label": say("close") },
          [icon("magnify"), icon("arrow-left")]),
      ]),
      el("div", { "class": "md-search__output" }, [
        el("div", { "class": "md-search__scrollwrap", tabindex: "0", role: "region", "aria-label": say("label") }, [
          el("div", { "class": "md-search-result" }, [
            el("div", { "class": "md-search-result__meta", role: "status", "aria-live": "polite" }, [say("hint")]),
            el("ol", { "class": "md-search-result__list" }),
          ]),
        ]),
      ]),
    ]));
  }

  /**
   * Load a script from the site itself (works over http and from file://).
   * @param {string} href
   * @returns {Promise<void>}
   */
  function loadScript(href) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = href;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("cannot load " + href)); };
      document.head.appendChild(script);
    });
  }

  /**
   * Fold a word to lowercase ASCII-like letters: "Harcèlement" -> "harcelement".
   * @param {string} word
   * @returns {string}
   */
  function fold(word) {
    var lower = word.toLowerCase();
    if (/[\u0600-\u06ff]/.test(lower)) {
      // Arabic: drop short vowels and tatweel, unify the forms of alef; letters with hamza
      // stay as they are (decomposing them would change the letter).
      return lower.replace(/[\u064b-\u0652\u0670\u0640]/g, "").replace(/[\u0622\u0623\u0625]/g, "\u0627");
    }
    return lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/œ/g, "oe").replace(/æ/g, "ae");
  }

  /**
   * Drop what is not a letter or a digit at both ends of a word: "(harcèlement)" -> "harcèlement".
   * @param {string} word
   * @returns {string}
   */
  function trim(word) {
    return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  }

  /** Load lunr, the stemmer and the index once; build the engine. */
  function ensureEngine() {
    if (loading) return loading;
    meta.textContent = box.getAttribute("data-i18n-loading");
    var scripts = [new URL("lunr.min.js", lunrBase).href];
    if (lang !== "en") {
      scripts.push(new URL("lunr.stemmer.support.min.js", lunrBase).href);
      scripts.push(new URL("lunr." + lang + ".min.js", lunrBase).href);
    }
    scripts.push(indexUrl.href);
    loading = scripts.reduce(function (chain, href) {
      return chain.then(function () { return loadScript(href); });
    }, Promise.resolve()).then(function () {
      engine = buildEngine(window.__abriSearch);
      meta.textContent = "";
      if (input.value) run(input.value);
    }).catch(function () {
      meta.textContent = box.getAttribute("data-i18n-error");
      loading = null;
    });
    return loading;
  }

  /**
   * The documents of the index file: its rows [page number, anchor, heading, text] become
   * {u: url, t: heading or page title, p: page title under a heading, x: text}.
   * @param {{pages: Array<Array<string>>, docs: Array<Array>}} data
   */
  function documents(data) {
    return data.docs.map(function (row) {
      var page = data.pages[row[0]];
      return { u: page[0] + (row[1] ? "#" + row[1] : ""), t: row[2] || page[1], p: row[2] ? page[1] : "", x: row[3] };
    });
  }

  /**
   * Build the lunr index of this language's documents.
   * @param {{pages: Array<Array<string>>, docs: Array<Array>, synonyms: Object, stop: string[], ui: Object<string, string>}} data
   */
  function buildEngine(data) {
    var lunr = window.lunr;
    var docs = documents(data);
    var foldToken = function (token) {
      return token.update(function (s) { return fold(s); });
    };
    lunr.Pipeline.registerFunction(foldToken, "abriFold");
    var trimToken = function (token) { return token.update(trim); };
    lunr.Pipeline.registerFunction(trimToken, "abriTrim");
    var stemmerOf = lang !== "en" && lunr[lang] ? lunr[lang].stemmer : lunr.stemmer;
    var arabic = /[\u0600-\u06ff]/;
    var keepOtherScript = function (token) {
      // Arabic pages: stem Arabic words only; elsewhere: do not stem Arabic words.
      var isArabic = arabic.test(token.toString());
      return (lang === "ar") === isArabic ? stemmerOf(token) : token;
    };
    lunr.Pipeline.registerFunction(keepOtherScript, "abriStem");
    var index = lunr(function () {
      if (lang !== "en" && lunr[lang]) this.use(lunr[lang]);
      var own = lang !== "en" && lunr[lang] ? lunr[lang] : lunr;
      // One trimmer for every script: the language trimmers drop letters of other scripts
      // (the Arabic one removes "tiktok", the default one removes Arabic).
      this.pipeline.after(own.trimmer, trimToken);
      this.pipeline.remove(own.trimmer);
      // Fold before stemming, in the index and in queries alike, so that "difamacion" and
      // "difamación" give the same stem. Words in another script are not stemmed.
      this.pipeline.before(own.stemmer, foldToken);
      this.searchPipeline.before(own.stemmer, foldToken);
      this.pipeline.after(own.stemmer, keepOtherScript);
      this.pipeline.remove(own.stemmer);
      this.searchPipeline.after(own.stemmer, keepOtherScript);
      this.searchPipeline.remove(own.stemmer);
      this.ref("i");
      this.field("t", { boost: 10 });
      this.field("p", { boost: 4 });
      this.field("x");
      this.metadataWhitelist = [];
      for (var i = 0; i < docs.length; i++) {
        var d = docs[i];
        // The top of a page (no section anchor) answers general queries best.
        this.add({ i: String(i), t: d.t, p: d.p, x: d.x }, { boost: d.u.indexOf("#") === -1 ? 1.6 : 1 });
      }
    });
    var synonyms = {};
    Object.keys(data.synonyms || {}).forEach(function (key) { synonyms[fold(key)] = data.synonyms[key]; });
    var built = { lunr: lunr, index: index, docs: docs, synonyms: synonyms, stop: (data.stop || []).map(fold), ui: data.ui };
    // Phrases also as stems, so that other forms of their words find them ("صوري العارية"
    // for "صور عارية"). Not single words: short stems collide ("عقوبة" and "تعقب").
    built.keyStems = {};
    Object.keys(synonyms).forEach(function (key) {
      built.keyStems[key] = key.split(" ").map(function (w) { return stemOf(built, w); }).join(" ");
    });
    return built;
  }

  /**
   * One word's stem as the index sees it (the word itself if the pipeline drops it).
   * @param {{index: Object, lunr: Object}} eng
   * @param {string} word  an already folded word
   */
  function stemOf(eng, word) {
    return stems(eng, word)[0] || word;
  }

  /**
   * The words to look for: what was typed, plus the guide's words for everyday ones.
   * `alternatives[i]` holds the guide's words for typed[i] (from the synonyms), so that a
   * synonym in a title counts as the word typed ("insta" and a page called "Instagram").
   * @param {string} query
   * @returns {{typed: string[], extra: string[], alternatives: string[][]}}
   */
  function expand(query) {
    var folded = fold(query).replace(/[^\p{L}\p{N}'’\s-]/gu, " ").replace(/['’]/g, " ");
    var all = folded.split(/[\s-]+/).filter(function (w) { return w.length > 1; });
    // Drop question and filler words ("comment", "ma", "the") unless nothing else is left.
    var stop = (engine.lunr[lang] && engine.lunr[lang].stopWordFilter) || engine.lunr.stopWordFilter;
    var typed = all.filter(function (w) {
      return engine.stop.indexOf(w) === -1 && stop(new engine.lunr.Token(w, {})) !== undefined;
    });
    if (!typed.length) typed = all;
    var extra = [];
    var alternatives = typed.map(function () { return []; });
    // Synonym keys may be phrases ("adresse publiee", "sin conexion"): match them against the
    // whole query, filler words included, also with a final plural "s" dropped ("screenshots"
    // uses the entry of "screenshot").
    var stemmed = {};
    all.forEach(function (w) { stemmed[w] = stemOf(engine, w); });
    var variants = [all, typed].map(function (words) {
      return [
        " " + words.join(" ") + " ",
        " " + words.map(function (w) { return w.length > 3 ? w.replace(/s$/, "") : w; }).join(" ") + " ",
        " " + words.map(function (w) { return stemmed[w]; }).join(" ") + " ",
      ];
    });
    Object.keys(engine.synonyms).forEach(function (key) {
      var hit = variants.some(function (forms) {
        return forms[0].indexOf(" " + key + " ") !== -1 || forms[1].indexOf(" " + key + " ") !== -1 ||
          (key.indexOf(" ") !== -1 && forms[2].indexOf(" " + engine.keyStems[key] + " ") !== -1);
      });
      if (!hit) return;
      var keyWords = key.split(" ").concat(engine.keyStems[key].split(" "));
      engine.synonyms[key].forEach(function (s) {
        fold(s).split(/[\s-]+/).forEach(function (w) {
          if (!w) return;
          extra.push(w);
          typed.forEach(function (t, i) {
            if (keyWords.indexOf(t) !== -1 || keyWords.indexOf(t.replace(/s$/, "")) !== -1 || keyWords.indexOf(stemmed[t]) !== -1) alternatives[i].push(w);
          });
        });
      });
    });
    return { typed: typed, extra: extra, alternatives: alternatives };
  }

  /**
   * Search and return documents, best first, one result per page section.
   * @param {string} query
   */
  function search(query) {
    var words = expand(query);
    if (!words.typed.length) return [];
    var lunr = engine.lunr;
    var results = engine.index.query(function (q) {
      words.typed.forEach(function (w) {
        q.term(w, { usePipeline: true, boost: 10 });
        if (w.length >= 3) q.term(w, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 2 });
        if (w.length >= 6) q.term(w, { usePipeline: false, editDistance: 1, boost: 1 });
      });
      words.extra.forEach(function (w) {
        q.term(w, { usePipeline: true, boost: 6 });
      });
    });
    return rerank(results.slice(0, RERANK_DEPTH), words).slice(0, MAX_RESULTS);
  }

  /**
   * The stems of a text, as the index sees them (folded, trimmed, stemmed).
   * @param {{index: Object, lunr: Object}} eng
   * @param {string} text
   * @returns {string[]}
   */
  function stems(eng, text) {
    var tokens = eng.lunr.tokenizer(text).map(function (t) { return t.update(trim); });
    return eng.index.pipeline.run(tokens).map(String).filter(Boolean);
  }

  /** Does one of the title's stems match this stem (whole, or as the start of a longer word)? */
  function inTitle(stem, titleStems) {
    for (var i = 0; i < titleStems.length; i++) {
      var t = titleStems[i];
      if (t === stem || (stem.length >= 3 && t.indexOf(stem) === 0)) return true;
    }
    return false;
  }

  /**
   * Titles first: among lunr's best results, a section whose heading holds more of the typed
   * words comes first ("poner una denuncia" finds the page of that name before a page that
   * only says "denuncia" often). Synonyms count as the word they stand for.
   * @param {Array<{ref: string, score: number}>} results
   * @param {{typed: string[], extra: string[]}} words
   */
  function rerank(results, words) {
    var typed = words.typed.map(function (w, i) {
      return words.alternatives[i].reduce(function (all, alt) { return all.concat(stems(engine, alt)); }, stems(engine, w));
    });
    // A rare word says more than a common one: "delai" weighs more than "plainte".
    var weights = typed.map(function (ws) {
      return Math.max.apply(null, ws.map(function (w) {
        return engine.lunr.idf(engine.index.invertedIndex[w] || {}, engine.docs.length);
      }).concat([0.1]));
    });
    var total = weights.reduce(function (a, b) { return a + b; }, 0) || 1;
    var extra = [];
    words.extra.forEach(function (w) { extra = extra.concat(stems(engine, w)); });
    var ranked = results.map(function (r, position) {
      var doc = engine.docs[Number(r.ref)];
      if (!doc._stems) doc._stems = { t: stems(engine, doc.t), p: stems(engine, doc.p || "") };
      var cover = 0;
      typed.forEach(function (ws, i) {
        if (ws.some(function (w) { return inTitle(w, doc._stems.t); })) cover += weights[i];
        else if (ws.some(function (w) { return inTitle(w, doc._stems.p); })) cover += weights[i] * 0.75;
      });
      cover = cover / total;
      if (extra.some(function (w) { return inTitle(w, doc._stems.t); })) cover = Math.max(cover, 0.5);
      return { doc: doc, score: r.score * (1 + TITLE_WEIGHT * cover), position: position };
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return ranked.map(function (r) { return r.doc; });
  }


  /**
   * A short extract of the text around the first typed word, as plain text.
   * @param {string} text
   * @param {string[]} words
   */
  function snippet(text, words) {
    var folded = fold(text);
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) at = folded.indexOf(words[i].slice(0, 5));
    var start = Math.max(0, at - 60);
    // Start at a word, not in the middle of one (when the word typed is not right there).
    var space = start > 0 ? text.indexOf(" ", start) : -1;
    if (space !== -1 && space < at) start = space + 1;
    var cut = start + 180 < text.length;
    var out = text.slice(start, start + 180);
    // End at a word too.
    if (cut && out.lastIndexOf(" ") > 120) out = out.slice(0, out.lastIndexOf(" "));
    return (start > 0 ? "… " : "") + out + (cut ? " …" : "");
  }

  /** Show the results as text only (never as HTML). */
  function render(query, docs) {
    while (list.firstChild) list.removeChild(list.firstChild);
    // The index carries these texts; a copy of an older index (the phone copy) may not.
    var count = (engine.ui || {})[docs.length === 0 ? "none" : docs.length === 1 ? "one" : "other"] || "{n}";
    meta.textContent = count.replace("{n}", String(docs.length));
    var words = expand(query).typed;
    docs.forEach(function (doc) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = new URL(doc.u, rootUrl).href;
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h1");
      title.textContent = doc.t;
      article.appendChild(title);
      if (doc.p) {
        var page = document.createElement("p");
        page.className = "abri-search__page";
        page.textContent = doc.p;
        article.appendChild(page);
      }
      var text = document.createElement("p");
      text.textContent = snippet(doc.x, words);
      article.appendChild(text);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function run(query) {
    lastQuery = query;
    if (!engine) { ensureEngine(); return; }
    if (!query.trim()) {
      while (list.firstChild) list.removeChild(list.firstChild);
      meta.textContent = "";
      return;
    }
    render(query, search(query));
  }

  input.addEventListener("focus", ensureEngine);
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      ensureEngine();
      window.setTimeout(function () { input.focus(); }, 50);
    }
  });
  input.addEventListener("input", function () { run(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    }
  });
  // The labels that open the menu and the search work by tap without JavaScript. With it, each
  // gets a button inside (a label may not take the button role itself): reachable with Tab,
  // opened with Enter or Space, and it says whether the menu or the search is open.
  var labels = document.querySelectorAll("label.md-header__button[for], label.md-search__icon[for]");
  for (var i = 0; i < labels.length; i++) addButton(labels[i]);

  /** @param {HTMLLabelElement} label */
  function addButton(label) {
    var control = document.getElementById(label.htmlFor);
    if (!control) return;
    var button = document.createElement("span");
    button.className = "abri-label-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", label.getAttribute("aria-label") || "");
    label.removeAttribute("aria-label");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    var expanded = function () { button.setAttribute("aria-expanded", control.checked ? "true" : "false"); };
    // Closing the search with its arrow says nothing "expanded": that button only closes.
    if (!label.classList.contains("md-search__icon")) {
      expanded();
      control.addEventListener("change", expanded);
    }
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }

  // Exposed for the tests and the benchmark: run a query and return result URLs.
  window.__abriSearchQuery = function (query) {
    return ensureEngine().then(function () { return search(query).map(function (d) { return new URL(d.u, rootUrl).href; }); });
  };
})();
