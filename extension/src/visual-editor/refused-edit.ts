// An action the form cannot write as a text edit without changing more than the user asked (a value
// other keys refer to, a table in a style the form does not write). It carries an l10n key, not a
// message: the provider shows it in the user's language, never as an exception's English text.
export class RefusedEdit extends Error {
  readonly args: readonly (string | number)[];
  constructor(
    readonly key: string,
    ...args: (string | number)[]
  ) {
    super(key);
    this.args = args;
  }
}
