// A webview's Content-Security-Policy: nothing may load or run; the page's own <style> is allowed by
// its nonce. Kept free of the vscode API so it can be unit-tested.

/** The rendered page with a CSP and its <style> given the nonce the CSP names. */
export function withContentSecurityPolicy(html: string, nonce: string): string {
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src data:;">`;
  const styled = html.replace(/<style>/g, `<style nonce="${nonce}">`);
  return styled.includes('<head>') ? styled.replace('<head>', `<head>\n${csp}`) : `${csp}\n${styled}`;
}

/** A page that says one sentence (the server could not render or evaluate the policy). */
export function textPage(text: string): string {
  const escaped = text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  return `<!doctype html><html><head><style>body{font-family:sans-serif;padding:1rem}</style></head><body><p>${escaped}</p></body></html>`;
}
