import type { LocalizedText } from '../diagnostics/diagnostic.js';
// Row types of the monthly data bundle (DESIGN.md "Monthly data bundle", a contract) and the Bundle
// interface the evaluation engine reads. Times are parsed into epoch milliseconds (UTC) by the reader,
// which knows the policy's time zone; the evaluation engine never parses a time string itself.

export interface SourceRef {
  /** Path of the file the row came from, relative to the bundle folder. */
  file: string;
  /** 1-based line (CSV/JSONL) or row (XLSX) of the row in that file. */
  line: number;
}

export interface EmployeeRow {
  employee_id: string;
  name: string;
  department?: string;
  position?: string;
  employment_status: string;
  hire_date?: number;
  leave_date?: number;
  source: SourceRef;
}
export type MemberRole = 'member' | 'admin' | 'lecturer' | 'publisher';
export interface MemberRow {
  group_id: string;
  member_id: string;
  joined_at: number;
  left_at?: number;
  role?: MemberRole;
  invited_by?: string;
  name?: string;
  /** true when the source says the member is external (WeCom type 2, or a wm…/wo… id). */
  external?: boolean;
  source: SourceRef;
}
export type Decision = 'approved' | 'rejected' | 'pending';
export interface ApplicationRow {
  application_id: string;
  group_id: string;
  applicant_id: string;
  name?: string;
  department?: string;
  position?: string;
  purpose?: string;
  submitted_at?: number;
  reviewer_id?: string;
  decision: Decision;
  decided_at?: number;
  source: SourceRef;
}
export interface ExitRow {
  group_id: string;
  member_id: string;
  requested_at: number;
  approver_id?: string;
  decision?: Decision;
  decided_at?: number;
  source: SourceRef;
}
export type MessageType = 'text' | 'image' | 'file' | 'link' | 'voice' | 'video' | 'chatrecord' | 'system' | 'other';
export interface MessageRow {
  message_id: string;
  group_id: string;
  sender_id: string;
  sent_at: number;
  type: MessageType;
  content?: string;
  reply_to?: string;
  file_name?: string;
  recalled?: boolean;
  /** For type chatrecord: the texts of the forwarded messages, matched as content (S4). */
  forwarded?: string[];
  source: SourceRef;
}
export interface AssignmentRow {
  assignment_id: string;
  group_id: string;
  title?: string;
  announced_at?: number;
  due_at: number;
  source: SourceRef;
}
export interface SubmissionRow {
  assignment_id: string;
  member_id: string;
  submitted_at: number;
  accuracy?: number;
  completeness?: number;
  originality?: number;
  graded_at?: number;
  grader_id?: string;
  source: SourceRef;
}
export interface TestRow {
  test_id: string;
  group_id: string;
  member_id: string;
  taken_at: number;
  score: number;
  max_score: number;
  source: SourceRef;
}
export interface SessionRow {
  session_id: string;
  group_id: string;
  announced_at?: number;
  starts_at: number;
  ends_at?: number;
  platform?: string;
  support_id?: string;
  source: SourceRef;
}
export interface AttendanceRow {
  session_id: string;
  member_id: string;
  joined_at?: number;
  left_at?: number;
  source: SourceRef;
}
export interface ExemptionRow {
  exemption_id: string;
  group_id: string;
  member_id?: string;
  category: string;
  valid_from: number;
  valid_to: number;
  approved_by: string;
  source: SourceRef;
}

export interface TableRows {
  employees: EmployeeRow;
  members: MemberRow;
  applications: ApplicationRow;
  exits: ExitRow;
  messages: MessageRow;
  assignments: AssignmentRow;
  submissions: SubmissionRow;
  tests: TestRow;
  sessions: SessionRow;
  attendance: AttendanceRow;
  exemptions: ExemptionRow;
}
export type TableName = keyof TableRows;

/** A row that broke its table's schema: written to rejected.csv, counted, never dropped silently. */
export interface RejectedRow {
  table: TableName;
  file: string;
  line: number;
  field?: string;
  /** Never holds the cell's value: that is `value`, shown masked and cut unless redaction is off. */
  reason: LocalizedText;
  /** The offending cell as read (personal data possibly). */
  value?: string;
}

/** read = accepted + rejected + skipped, always. */
export interface TableCounts {
  read: number;
  accepted: number;
  rejected: number;
  /** Lines that are not rows of this table by design (1:1 chats, recall notices), by reason. */
  skipped?: number;
  /** Skipped lines by reason (keyed by the reason's zh-CN text): the reason in words and how many. */
  skippedReasons?: Record<string, { reason: LocalizedText; count: number }>;
}

export interface Bundle {
  /** Tables present in the bundle folder (or mapped by bundle.yaml). Absent tables are not evaluated. */
  readonly present: ReadonlySet<TableName>;
  /** Every table but messages, read whole (small). */
  load<T extends Exclude<TableName, 'messages'>>(table: T): Promise<TableRows[T][]>;
  /** Messages streamed in file order, never all in memory. May be iterated more than once. */
  messages(): AsyncIterable<MessageRow>;
  /** The same messages in the batches they were read in: the monthly job's hot path loops over each
   *  batch synchronously instead of awaiting every row. */
  messageBatches?(): AsyncIterable<MessageRow[]>;
  /** Rejected rows so far (complete once every table has been read). */
  readonly rejected: readonly RejectedRow[];
  /** Per-table counts: read = accepted + rejected, always. */
  readonly counts: Readonly<Partial<Record<TableName, TableCounts>>>;
  /** Bytes of the message files read so far and in all (for a progress bar), when known. */
  messageProgress?(): { read: number; total: number };
}

export interface ReadBundleOptions {
  /** IANA zone for times without an offset (the policy's metadata.timezone). */
  timezone: string;
  /** YYYY-MM: rows dated outside the month are rejected where the table is dated by month (messages). */
  month?: string;
}
