// A single-page news app: one document, articles swapped in with history.pushState.
(function () {
  var ARTICLES = {
    '/spa/harbour-bridge-closed-for-repairs.html': {
      headline: 'Harbour Bridge Closed for Urgent Repairs After Cracks Found',
      published: '2025-08-12T08:15:00Z',
      shown: 'Tue, 12 Aug 2025 08:15:00 GMT',
      paragraphs: [
        'City engineers closed the Harbour Bridge to all traffic on Tuesday morning after inspectors found cracks in two of the steel girders that carry the eastern carriageway.',
        'The closure, which officials said could last several weeks, forced thousands of commuters onto ferries and the already crowded ring road during the morning rush.',
        'The transport department said the cracks were discovered during a routine inspection and that there was no immediate danger, but that it would not take any risk with public safety.',
        'Local businesses on both sides of the river warned that a long closure would hurt trade at the height of the tourist season, and asked the council for support.',
        'Engineers are expected to publish a first assessment of the damage later this week, together with a timetable for the repairs and a plan for temporary crossings.',
      ],
      related: [],
    },
    '/spa/harbour-bridge-to-reopen-next-month.html': {
      headline: 'Harbour Bridge to Reopen Next Month as Repairs Progress Faster Than Expected',
      published: '2025-08-15T16:40:00Z',
      shown: 'Fri, 15 Aug 2025 16:40:00 GMT',
      paragraphs: [
        'The Harbour Bridge will reopen to cars and buses early next month, the city council said on Friday, after repair crews made faster progress than engineers had forecast.',
        'Workers have replaced the first of the two cracked girders and reinforced the second, according to the transport department, which has kept the crossing closed since Tuesday.',
        'Cyclists and pedestrians may be allowed back onto the bridge as soon as next week, once a protective screen has been installed along the eastern walkway.',
        'The council said it would review its inspection schedule for the city’s other river crossings, several of which were built in the same decade as the Harbour Bridge.',
        'Businesses near the bridge welcomed the news but said the closure had already cost them a large share of their summer income.',
      ],
      related: [
        {
          title: 'Harbour Bridge Closed for Urgent Repairs After Cracks Found',
          href: '/spa/harbour-bridge-closed-for-repairs.html',
          shown: 'Tue, 12 Aug 2025 08:15:00 GMT',
        },
      ],
    },
  };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function render(path) {
    var article = ARTICLES[path] || ARTICLES['/spa/harbour-bridge-closed-for-repairs.html'];
    document.title = article.headline;
    document.querySelector('meta[property="og:title"]').setAttribute('content', article.headline);
    document.getElementById('ld').textContent = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.headline,
      datePublished: article.published,
    });
    var main = document.getElementById('app');
    var body = el('article');
    body.append(el('div', { class: 'date-line' }, article.shown), el('h1', {}, article.headline));
    article.paragraphs.forEach(function (text) {
      body.append(el('p', {}, text));
    });
    var nav = el('p', { class: 'spa-nav' });
    Object.keys(ARTICLES).forEach(function (other) {
      if (other === path) return;
      nav.append(el('a', { href: other, 'data-spa': '' }, 'Read: ' + ARTICLES[other].headline));
    });
    body.append(nav);
    main.replaceChildren(body);
    if (article.related.length) {
      var section = el('section', { class: 'more-on-theme' });
      section.append(el('h2', {}, 'MORE ON THEME'));
      var list = el('ul');
      article.related.forEach(function (item) {
        var li = el('li', { class: 'theme-item' });
        li.append(el('time', { class: 'ts' }, item.shown), el('a', { href: item.href }, item.title));
        list.append(li);
      });
      section.append(list);
      main.append(section);
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-spa]');
    if (!link) return;
    event.preventDefault();
    var path = new URL(link.href).pathname;
    render(path);
    history.pushState({ path: path }, '', path);
    window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', function () {
    render(location.pathname);
  });
  render(location.pathname);
})();
