// Puppeteer drives Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium): installs never download a browser.
module.exports = { skipDownload: true };
