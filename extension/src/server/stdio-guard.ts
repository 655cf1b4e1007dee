// Over stdio the editor frames each message with a Content-Length header. vscode-jsonrpc reports a
// bad frame as an error and then stays alive reading the rest of the stream out of step: every later
// message is lost, and the editor waits forever on a server that looks healthy. Here a bad frame —
// no or a non-numeric length, one over MAX_MESSAGE_BYTES, a body that never arrives — ends the process
// with a message on stderr, so the editor sees the exit and restarts the server. The end of stdin
// (the editor has gone) ends it too.
import { StreamMessageReader } from 'vscode-languageserver/node';

/** No real LSP message (a whole policy text included) comes near this. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A frame whose body has not arrived in this time will not: the stream is out of step. */
const PARTIAL_MESSAGE_MS = 10_000;

function fail(reason: string): never {
  process.stderr.write(
    `qungui: 编辑器发来的消息格式不对（${reason}），语言服务器退出，编辑器会重新启动它 / malformed message from the editor (${reason}): the language server exits so the editor can restart it\n`,
  );
  process.exit(1);
}

export function guardedStdinReader(): StreamMessageReader {
  const reader = new StreamMessageReader(process.stdin);
  reader.partialMessageTimeout = PARTIAL_MESSAGE_MS;
  reader.onError((error) => fail(error.message.split('\n')[0]!));
  reader.onPartialMessage(() => fail(`no body after ${PARTIAL_MESSAGE_MS / 1000} s`));
  // The declared length of the frame being read: private in vscode-jsonrpc's typings, checked after
  // each chunk so a huge length is refused before its body is buffered.
  const declared = reader as unknown as { nextMessageLength: number };
  process.stdin.on('data', () =>
    queueMicrotask(() => {
      // after the reader's own listener
      const length = declared.nextMessageLength;
      if (length !== -1 && !(Number.isInteger(length) && length >= 0 && length <= MAX_MESSAGE_BYTES)) fail(`Content-Length ${length}`);
    }),
  );
  process.stdin.on('end', () => process.exit(0));
  return reader;
}
