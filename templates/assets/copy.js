/*
 * Copy buttons for code snippets (progressive enhancement).
 *
 *   <figure class="snippet">
 *     <figcaption>policy.yaml</figcaption>
 *     <button class="copy" type="button" data-copy-target="policy-yaml" hidden>Copy</button>
 *     <pre><code id="policy-yaml">…</code></pre>
 *   </figure>
 *
 * A click copies the text content of the element whose id is data-copy-target, exactly as it
 * is, with the Clipboard API, or with a hidden textarea and document.execCommand('copy') where
 * that API is missing (older browsers, non-secure origins). The button reads "Copied" for two
 * seconds and a polite live region announces it. Buttons rendered with `hidden` are shown only
 * once this script runs, so readers without JavaScript never see a button that does nothing.
 * Pages without copy buttons are left untouched.
 */
(function () {
  'use strict';

  var RESET_MS = 2000;
  var buttons = document.querySelectorAll('button.copy[data-copy-target]');
  if (buttons.length === 0) return;

  // One live region for the page; created before any click so screen readers track it.
  var live = document.getElementById('copy-status');
  if (!live) {
    live = document.createElement('div');
    live.id = 'copy-status';
    live.className = 'visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    document.body.appendChild(live);
  }

  function announce(message) {
    // Clear first so the same message twice in a row is announced again.
    live.textContent = '';
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function copyWithTextarea(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.top = '0';
    area.style.left = '-9999px';
    area.style.opacity = '0';
    document.body.appendChild(area);
    var selection = document.getSelection();
    var previous = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    area.select();
    var ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    if (previous && selection) {
      selection.removeAllRanges();
      selection.addRange(previous);
    }
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function' && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        // Permission refused or document not focused: try the old way before giving up.
        if (!copyWithTextarea(text)) throw new Error('copy failed');
      });
    }
    return copyWithTextarea(text) ? Promise.resolve() : Promise.reject(new Error('copy failed'));
  }

  // Last resort: select the code so the reader can press Ctrl+C / Cmd+C.
  function selectContents(element) {
    var selection = window.getSelection();
    if (!selection) return;
    var range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  Array.prototype.forEach.call(buttons, function (button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    if (!target) return; // a template mistake: leave the button hidden (or inert) rather than fail
    var label = button.textContent;
    var timer = 0;
    button.hidden = false;

    button.addEventListener('click', function () {
      var text = target.textContent;
      copyText(text).then(function () {
        button.textContent = 'Copied';
        button.classList.add('copied');
        announce('Copied to the clipboard');
      }, function () {
        selectContents(target);
        button.textContent = 'Press Ctrl+C';
        announce('Could not copy automatically; the text is selected, press Control C or Command C to copy it');
      }).then(function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.textContent = label;
          button.classList.remove('copied');
        }, RESET_MS);
      });
    });
  });
})();

/*
 * Download buttons for code snippets (progressive enhancement), beside a copy button:
 *
 *   <button class="download" type="button" data-download-target="policy-snippet"
 *           data-download-name="server-tool.yaml" hidden>Download</button>
 *
 * A click saves the text content of the element whose id is data-download-target as a file of that name, made in
 * the page (a Blob): no request leaves it. Buttons rendered with `hidden` are shown only once this script runs.
 */
(function () {
  'use strict';

  var buttons = document.querySelectorAll('button.download[data-download-target]');
  Array.prototype.forEach.call(buttons, function (button) {
    var target = document.getElementById(button.getAttribute('data-download-target'));
    if (!target || typeof Blob === 'undefined' || !window.URL || !URL.createObjectURL) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var blob = new Blob([target.textContent], { type: 'application/yaml' });
      var url = URL.createObjectURL(blob);
      var link = document.createElement('a');
      link.href = url;
      link.download = button.getAttribute('data-download-name') || 'policy.yaml';
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      window.setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    });
  });
})();
