// Type-ahead for title inputs: a progressive enhancement over plain forms (the site works without it).
document.querySelectorAll("input[data-suggest]").forEach(function (input, n) {
  var list = document.createElement("datalist");
  list.id = "suggest-" + n;
  input.setAttribute("list", list.id);
  input.after(list);
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(function () {
      fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (data) {
          list.replaceChildren();
          data.results.forEach(function (m) {
            var option = document.createElement("option");
            option.value = m.matched;
            option.label = m.title;
            list.append(option);
          });
        })
        .catch(function () {});
    }, 120);
  });
});
