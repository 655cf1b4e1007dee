// GENERATED from schemas/policy.schema.json by scripts/gen-types.mjs. Do not edit; run `npm run gen:types`.
/**
 * A content category id declared under `content.categories`.
 */
export type CategoryId = string;
/**
 * An action id declared under `outcomes.actions`.
 */
export type ActionId = string;

/**
 * A training group's policy (qungui/v1): who may be a member, what may be posted, how members are rated and what follows.
 */
export interface QunguiTrainingGroupPolicy {
  /**
   * Policy format version. Always `qungui/v1`.
   */
  apiVersion: 'qungui/v1';
  /**
   * Document kind. Always `TrainingGroupPolicy`.
   */
  kind: 'TrainingGroupPolicy';
  /**
   * Who this policy is: id, name, group kind, time zone.
   */
  metadata: {
    /**
     * Stable policy id (lowercase letters, digits, hyphens); unique across all policies.
     */
    id: string;
    /**
     * Name of the training group, as members know it.
     */
    name: string;
    /**
     * Kind of training group: new-employee, skill (skill improvement), management, other.
     */
    kind: 'new-employee' | 'skill' | 'management' | 'other';
    /**
     * IANA time zone in which times without an offset are read and days are counted.
     */
    timezone?: string;
    /**
     * Training department or person responsible for this policy.
     */
    owner?: string;
    /**
     * What the group is for.
     */
    description?: string;
  };
  /**
   * Chat room ids (WeCom roomid or WeChat group id) this policy governs. A room may be governed by one policy only.
   *
   * @minItems 1
   */
  groups: string[];
  /**
   * Member ids of the group admins: they review joins, remove members and receive the violations work queue.
   */
  admins?: string[];
  /**
   * Ratings, best first. Declared once here and referenced by id everywhere else.
   *
   * @minItems 2
   *
   * Items: One rating.
   */
  ratings: {
    /**
     * Rating id, referenced by bands and outcomes.
     */
    id: string;
    /**
     * Label shown to people (Chinese).
     */
    label: string;
    /**
     * English label for English reports.
     */
    labelEn?: string;
    /**
     * Score of this rating for a weighted overall rating (default: evenly spaced from 100 for the best to 0 for the worst).
     */
    score?: number;
  }[];
  /**
   * Members: applications, eligibility, exit and removal.
   */
  membership?: {
    /**
     * Join applications (M1).
     */
    application?: {
      /**
       * Fields an application must fill in.
       */
      requiredFields?: ('name' | 'department' | 'position' | 'purpose')[];
      /**
       * Ids of the people allowed to approve applications.
       */
      reviewers?: string[];
    };
    /**
     * Who may be a member (M2).
     */
    eligibility?: {
      /**
       * Employment statuses allowed (e.g. 正式).
       */
      employmentStatus?: string[];
      /**
       * Departments allowed; empty or absent means any.
       */
      departments?: string[];
      /**
       * Positions allowed; empty or absent means any.
       */
      positions?: string[];
      /**
       * Extra eligibility condition (CEL) over `employee` (department, position, employmentStatus, tenureDays).
       */
      expression?: string;
    };
    /**
     * Voluntary exit (M4).
     */
    exit?: {
      /**
       * A member who leaves must have an approved exit request.
       */
      requireApproval?: boolean;
    };
    /**
     * Removal of members (M5).
     */
    removal?: {
      /**
       * A member with more violations than this in the month is a removal candidate.
       */
      maxViolations?: number;
      /**
       * A member with no message, submission or attendance for this many days (and a member at least that long) is a removal candidate.
       */
      inactiveDays?: number;
      /**
       * Content categories whose matches count as violations (default: all).
       */
      countCategories?: CategoryId[];
    };
  };
  /**
   * Publishing materials and notices (A2, C1–C3).
   */
  publishing?: {
    /**
     * Member ids allowed to post training materials (files, links) besides those with role admin, lecturer or publisher.
     */
    publishers?: string[];
    /**
     * Message types that count as materials.
     */
    materialTypes?: ('file' | 'link' | 'video')[];
    /**
     * Longest gap, in days, between two new materials.
     */
    updateIntervalDays?: number;
    /**
     * Assignments must be announced at least this many hours before they are due.
     */
    noticeHours?: number;
  };
  /**
   * Live sessions, discussions and assignments (T1–T3).
   */
  activities?: {
    /**
     * Live sessions must be announced at least this many hours before they start.
     */
    sessionNoticeHours?: number;
    /**
     * Every live session names a technical support person.
     */
    requireSupport?: boolean;
    /**
     * Minutes a member must be present for a session to count as attended.
     */
    minAttendanceMinutes?: number;
    /**
     * Submissions must be graded within this many days.
     */
    gradingDays?: number;
    /**
     * Hours after the due time a submission still counts as on time.
     */
    lateGraceHours?: number;
  };
  /**
   * Banned and confidential content (N1, N2, N4, S1, S2).
   */
  content?: {
    /**
     * How text is normalized before matching. Every switch is on by default except repeats.
     */
    normalize?: {
      /**
       * Treat full-width and half-width forms alike.
       */
      width?: boolean;
      /**
       * Ignore letter case.
       */
      case?: boolean;
      /**
       * Treat Traditional and Simplified Chinese alike.
       */
      traditional?: boolean;
      /**
       * Treat digit styles alike (①, ⑴, 一, 壹, full width, superscripts → 0–9).
       */
      digits?: boolean;
      /**
       * Noise characters skipped inside a match: true for the default set (spaces, punctuation, symbols, zero-width and bidi controls), false for none, or a list of characters.
       */
      skip?: boolean | string[];
      /**
       * Collapse repeated characters (傻傻傻逼 → 傻逼). Off by default.
       */
      repeats?: boolean;
    };
    /**
     * Allowed phrases: a match that overlaps an allowed phrase is not reported (路口交通 keeps 口交 quiet).
     */
    allow?: string[];
    /**
     * Categories of banned or confidential content.
     *
     * Items: One category of banned or confidential content.
     */
    categories?: {
      /**
       * A content category id declared under `content.categories`.
       */
      id: string;
      /**
       * Category name shown to people.
       */
      label: string;
      /**
       * English category name for English reports and finding messages (default: the id).
       */
      labelEn?: string;
      /**
       * Regulation clause this category enforces.
       */
      clause: 'N1' | 'N2' | 'N4' | 'S1' | 'S2';
      /**
       * Severity of a match: error counts as a violation; warning and info are reported only.
       */
      severity?: 'error' | 'warning' | 'info';
      /**
       * Matches may be covered by an approved exemption (報備) for the member, category and time.
       */
      exemptible?: boolean;
      /**
       * Matches are confidential content (default: true for clauses S1 and S2).
       */
      confidential?: boolean;
      /**
       * Words and phrases to find.
       */
      terms?: string[];
      /**
       * Regular expressions (RE2 syntax: linear time; no backreferences or lookaround).
       */
      patterns?: string[];
    }[];
    /**
     * Built-in detectors of personal and customer data, each verified (ID check digit and birth date, Luhn for bank cards).
     */
    detectors?: ('phone' | 'id-card' | 'bank-card' | 'email' | 'url')[];
    /**
     * Severity of a detector match.
     */
    detectorSeverity?: 'error' | 'warning' | 'info';
    /**
     * A counted violation must be recalled, or an admin must speak in the group, within this many hours (A3).
     */
    stopWithinHours?: number;
  };
  /**
   * Answering others' questions (N5).
   */
  responsiveness?: {
    /**
     * A question must get a reply from someone else within this many hours.
     */
    questionReplyHours?: number;
    /**
     * A text message containing one of these is a question.
     */
    questionMarkers?: string[];
  };
  /**
   * Confidentiality: outsiders and leavers (S4, S5).
   */
  confidentiality?: {
    /**
     * Member ids starting with one of these are outsiders (WeCom external contacts).
     */
    externalIdPrefixes?: string[];
    /**
     * Days after the leave date a leaver may stay in the group for handover.
     */
    leaverGraceDays?: number;
    /**
     * Action listed for leavers still in the group.
     */
    handoverAction?: string;
  };
  /**
   * Assessment: ratings per dimension from ordered bands, and the overall rating (E1–E6).
   */
  assessment?: {
    /**
     * Assignment rating from accuracy, completeness, originality and timeliness (E1, E4).
     */
    assignments?: {
      /**
       * The main metric a number in `min` refers to (default accuracy).
       */
      metric?: 'accuracy' | 'completeness' | 'originality' | 'onTimeRate';
      /**
       * Ordered bands, best rating first, ending with a catch-all band.
       *
       * @minItems 1
       *
       * Items: One band: the conditions a member must meet for its rating. Bands are tried top to bottom; the last band has no conditions (catch-all).
       */
      bands: {
        /**
         * The rating a member gets when this band is the first whose conditions all hold.
         */
        rating: string;
        /**
         * Lowest value (inclusive) of the dimension's main metric, or a map of metric → lowest value; all must hold.
         */
        min?:
          | number
          | {
              /**
               * Mean accuracy of the month's graded submissions, 0–100.
               */
              accuracy?: number;
              /**
               * Mean completeness of the month's graded submissions, 0–100.
               */
              completeness?: number;
              /**
               * Mean originality of the month's graded submissions, 0–100.
               */
              originality?: number;
              /**
               * Share of the month's assignments submitted by their due time, 0–100.
               */
              onTimeRate?: number;
            };
        /**
         * Extra condition as a CEL expression over the dimension's metrics (and `member`).
         */
        when?: string;
        /**
         * Free text shown in the rendered regulation.
         */
        note?: string;
      }[];
    };
    /**
     * Test rating from the mean score (E2, E5).
     */
    tests?: {
      /**
       * The main metric a number in `min` refers to (default score).
       */
      metric?: 'score';
      /**
       * Ordered bands, best rating first, ending with a catch-all band.
       *
       * @minItems 1
       *
       * Items: One band: the conditions a member must meet for its rating. Bands are tried top to bottom; the last band has no conditions (catch-all).
       */
      bands: {
        /**
         * The rating a member gets when this band is the first whose conditions all hold.
         */
        rating: string;
        /**
         * Lowest score (inclusive) for this band.
         */
        min?: number;
        /**
         * Extra condition as a CEL expression over the dimension's metrics (and `member`).
         */
        when?: string;
        /**
         * Free text shown in the rendered regulation.
         */
        note?: string;
      }[];
    };
    /**
     * Participation rating from activity metrics (M3, E3, E6).
     */
    participation?: {
      /**
       * The main metric a number in `min` refers to (default activeDays).
       */
      metric?:
        'activeDays' | 'contentMessages' | 'repliesGiven' | 'questionsAnswered' | 'onTimeRate' | 'attendanceRate';
      /**
       * Ordered bands, best rating first, ending with a catch-all band.
       *
       * @minItems 1
       *
       * Items: One band: the conditions a member must meet for its rating. Bands are tried top to bottom; the last band has no conditions (catch-all).
       */
      bands: {
        /**
         * The rating a member gets when this band is the first whose conditions all hold.
         */
        rating: string;
        /**
         * Lowest value (inclusive) of the dimension's main metric, or a map of metric → lowest value; all must hold.
         */
        min?:
          | number
          | {
              /**
               * Days of the month with at least one content message, submission or attendance, 0–31.
               */
              activeDays?: number;
              /**
               * Messages with content (bare acknowledgements such as 收到/好的/👍 do not count).
               */
              contentMessages?: number;
              /**
               * Replies to other members' messages.
               */
              repliesGiven?: number;
              /**
               * Other members' questions this member answered.
               */
              questionsAnswered?: number;
              /**
               * Share of the month's assignments submitted by their due time, 0–100.
               */
              onTimeRate?: number;
              /**
               * Share of the month's live sessions attended, 0–100.
               */
              attendanceRate?: number;
            };
        /**
         * Extra condition as a CEL expression over the dimension's metrics (and `member`).
         */
        when?: string;
        /**
         * Free text shown in the rendered regulation.
         */
        note?: string;
      }[];
    };
    /**
     * How the overall rating is formed from the dimension ratings.
     */
    overall?: {
      /**
       * weighted: score = Σ weight × rating score, then bands; worst / best: the lowest / highest dimension rating.
       */
      method: 'weighted' | 'worst' | 'best';
      /**
       * Weights of the dimensions; non-negative, summing to 1.
       */
      weights?: {
        /**
         * Weight of the assignment rating.
         */
        assignments?: number;
        /**
         * Weight of the test rating.
         */
        tests?: number;
        /**
         * Weight of the participation rating.
         */
        participation?: number;
      };
      /**
       * Bands on the weighted score, best first, ending with a catch-all.
       *
       * @minItems 1
       *
       * Items: One band: the conditions a member must meet for its rating. Bands are tried top to bottom; the last band has no conditions (catch-all).
       */
      bands?: {
        /**
         * The rating a member gets when this band is the first whose conditions all hold.
         */
        rating: string;
        /**
         * Lowest score (inclusive) for this band.
         */
        min?: number;
        /**
         * Extra condition as a CEL expression over the dimension's metrics (and `member`).
         */
        when?: string;
        /**
         * Free text shown in the rendered regulation.
         */
        note?: string;
      }[];
    };
  };
  /**
   * The regulation document rendered by `qungui render`: title and chapters written by hand.
   */
  document?: {
    /**
     * Title of the rendered regulation (default: the group name + 管理制度).
     */
    title?: string;
    /**
     * Language of the rendered regulation when `qungui render` is given no --locale: zh-CN (Simplified), zh-TW (Traditional) or en.
     */
    locale?: 'zh-CN' | 'zh-TW' | 'en';
    /**
     * The department that issues the rules and interprets them (the closing chapter).
     */
    issuedBy?: string;
    /**
     * The date the rules take effect, YYYY-MM-DD (the closing chapter; default: the day they are issued).
     */
    effectiveFrom?: string;
    /**
     * Chapters whose generated text this policy replaces, in Chinese.
     */
    sections?: {
      /**
       * Replaces the generated text of the chapter "General provisions" (Markdown; Chinese reports).
       */
      general?: string;
      /**
       * Replaces the generated text of the chapter "Members" (Markdown; Chinese reports).
       */
      members?: string;
      /**
       * Replaces the generated text of the chapter "Running the group" (Markdown; Chinese reports).
       */
      administration?: string;
      /**
       * Replaces the generated text of the chapter "Communication norms" (Markdown; Chinese reports).
       */
      communication?: string;
      /**
       * Replaces the generated text of the chapter "Assessment" (Markdown; Chinese reports).
       */
      assessment?: string;
      /**
       * Replaces the generated text of the chapter "Use of results" (Markdown; Chinese reports).
       */
      outcomes?: string;
      /**
       * Replaces the generated text of the chapter "Confidentiality" (Markdown; Chinese reports).
       */
      confidentiality?: string;
    };
    /**
     * Chapters whose generated text this policy replaces, in English.
     */
    sectionsEn?: {
      /**
       * Replaces the generated text of the chapter "General provisions" in English output.
       */
      general?: string;
      /**
       * Replaces the generated text of the chapter "Members" in English output.
       */
      members?: string;
      /**
       * Replaces the generated text of the chapter "Running the group" in English output.
       */
      administration?: string;
      /**
       * Replaces the generated text of the chapter "Communication norms" in English output.
       */
      communication?: string;
      /**
       * Replaces the generated text of the chapter "Assessment" in English output.
       */
      assessment?: string;
      /**
       * Replaces the generated text of the chapter "Use of results" in English output.
       */
      outcomes?: string;
      /**
       * Replaces the generated text of the chapter "Confidentiality" in English output.
       */
      confidentiality?: string;
    };
  };
  /**
   * Use of results: points and follow-ups (R1, R2).
   */
  outcomes?: {
    /**
     * Follow-up actions, declared once and referenced by id.
     *
     * Items: One follow-up action.
     */
    actions?: {
      /**
       * Action id, referenced by follow-ups and escalation.
       */
      id: string;
      /**
       * Action name shown to people.
       */
      label: string;
      /**
       * English action name.
       */
      labelEn?: string;
    }[];
    /**
     * Performance points for each overall rating (rating id → points; negative to deduct).
     */
    points?: {
      [k: string]: number;
    };
    /**
     * Follow-up actions for each overall rating (rating id → action ids).
     */
    followUp?: {
      [k: string]: ActionId[];
    };
    /**
     * Escalation on repeated failure, using earlier months' results.
     */
    escalation?: {
      /**
       * A rating id declared under `ratings`.
       */
      rating?: string;
      /**
       * Number of consecutive months with that rating (this month included) that triggers the action.
       */
      afterConsecutive: number;
      /**
       * An action id declared under `outcomes.actions`.
       */
      action: string;
    };
  };
}
