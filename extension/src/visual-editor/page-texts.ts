// The words the page script itself shows (the form's own labels come with the form): l10n keys the
// extension translates and sends along, since a webview cannot read the extension's bundles.
export const PAGE_TEXTS = [
  'Other problems',
  'Sections',
  '{0} problems',
  'Remove {0}',
  'Add…',
  'Add to {0}',
  'Sample data',
  'Actions',
  'Everyone not in a band above',
  // A label with its unit: fullwidth brackets in Chinese only.
  '{0} ({1})',
] as const;
