import type { Writable } from "node:stream";
import type { WriteText } from "./writeAtomically.js";

/**
 * Writes text to a stream (stdout) with backpressure: text is gathered into 64 KiB pieces (bytes
 * go as they are) and the next piece waits for `drain` when the stream's buffer is full.
 *
 * @param stream - where to write
 * @param produce - writes the content through the given function
 * @returns when everything has been handed to the stream
 *
 * @example
 * ```ts
 * await writeToStream(process.stdout, async (write) => { await write("hello\n"); });
 * ```
 */
export async function writeToStream(stream: Writable, produce: (write: WriteText) => Promise<void>): Promise<void> {
  let buffered: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (buffered.length === 0) return;
    const text = buffered.join("");
    buffered = [];
    size = 0;
    if (!stream.write(text)) await waitForDrain(stream);
  };
  await produce(async (text) => {
    if (typeof text !== "string") {
      await flush();
      if (!stream.write(text)) await waitForDrain(stream);
      return;
    }
    buffered.push(text);
    size += text.length;
    if (size >= 1 << 16) await flush();
  });
  await flush();
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolveDrain, rejectDrain) => {
    const onDrain = (): void => {
      stream.off("error", onError);
      stream.off("close", onDrain);
      resolveDrain();
    };
    const onError = (error: Error): void => {
      stream.off("drain", onDrain);
      stream.off("close", onDrain);
      rejectDrain(error);
    };
    stream.once("drain", onDrain);
    stream.once("close", onDrain);
    stream.once("error", onError);
  });
}
