// The static first paint (index.html's #boot: title, notice, a skeleton of the first view) is
// shown while the wasm downloads. This script runs in <head>, before the body is parsed, so the
// skeleton is painted in the right language and theme from the first frame:
//   - lang=en in the URL (the last valid lang= wins, as src/view_state.rs decodes it): English;
//   - slide=N (presenting): the projector theme and presenting classes the app sets on <html>;
//   - page=…: which tab is marked, and whether the overview's skeleton or a plain one is shown.
// When the app mounts (trunk's TrunkApplicationStarted event, in the same task as the mount), the
// skeleton is removed; style/boot.css also hides it as soon as the app's header is in the body.
// An external same-origin file, so the Content-Security-Policy ('self') needs no hash for it.
(() => {
  const html = document.documentElement;
  let lang = 'pt';
  let page = 'overview';
  let slide = false;
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (key === 'lang' && (value === 'pt' || value === 'en')) lang = value;
    else if (key === 'page' && /^[a-z]{1,16}$/.test(value)) page = value;
    else if (key === 'slide' && /^[1-9][0-9]{0,5}$/.test(value)) slide = true;
  }
  if (lang === 'en') {
    html.lang = 'en';
    html.classList.add('boot-en');
  }
  if (slide) html.classList.add('theme-projector', 'presenting');
  // While presenting, the slide's page is known only once the story has loaded.
  html.dataset.bootPage = slide ? 'slide' : page;
  const done = () => document.getElementById('boot')?.remove();
  addEventListener('TrunkApplicationStarted', done, { once: true });
})();
