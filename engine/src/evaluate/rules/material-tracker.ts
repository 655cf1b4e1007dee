// C1–C3's view of the messages: every material posted (a message of a publishing.materialTypes type),
// with what C2 needs to know about its label.
import type { MessageRow, MessageType } from '../../data/bundle-types.js';
import type { PolicyEval } from '../context.js';
import type { MessageFacts, MessageTracker } from '../scan/message-tracker.js';
import type { TrackerSpec } from '../scan/tracker-spec.js';

export interface Material {
  messageId: string;
  groupId: string;
  senderId: string;
  sentAt: number;
  type: MessageType;
  fileName?: string;
  /** Link or caption text present (C2). */
  hasText: boolean;
}

export class MaterialTracker implements MessageTracker {
  readonly materials: Material[] = [];

  constructor(private readonly ctx: PolicyEval) {}

  message(message: MessageRow, facts: MessageFacts | undefined): void {
    if (!facts || !this.ctx.settings.materialTypes.has(message.type)) return;
    this.materials.push({
      messageId: message.message_id,
      groupId: message.group_id,
      senderId: message.sender_id,
      sentAt: message.sent_at,
      type: message.type,
      ...(message.file_name ? { fileName: message.file_name } : {}),
      hasText: (message.content ?? '').trim() !== '',
    });
  }

  finish(): void {}
}

export const materialTracker: TrackerSpec<MaterialTracker> = { name: 'materials (C1–C3)', create: (ctx) => new MaterialTracker(ctx) };
