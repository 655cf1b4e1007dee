// The rendered regulation as data: chapters of blocks whose text mixes prose, policy values and gaps.
// Markdown and HTML are two serializations of the same model, so they can never disagree.

/** A piece of inline text: prose, a value taken from the policy (with its path), or a visible gap. */
export type Inline = string | { value: string; path: string } | { gap: string; path: string };

export type Block =
  | { kind: 'paragraph'; text: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'table'; head: string[]; rows: Inline[][][] }
  | { kind: 'markdown'; source: string };

export interface Section {
  title: string;
  clauses: string[];
  blocks: Block[];
}

export interface Chapter {
  id: 'general' | 'members' | 'administration' | 'communication' | 'assessment' | 'outcomes' | 'confidentiality' | 'supplementary';
  title: string;
  sections: Section[];
  /** Text written in the policy (document.sections) that replaces the generated sections. */
  override?: string;
}

export interface RegulationDocument {
  title: string;
  subtitle: string;
  chapters: Chapter[];
  /** Paths of the settings that were missing (each shown as a gap). */
  gaps: string[];
}
