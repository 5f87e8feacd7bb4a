// Text quoted from content or the environment, made safe to print: control
// characters (C0, DEL, C1) become escapes such as \n, \x1b and \u009b, so a
// value can neither retitle nor clear the terminal, nor hide what it holds.

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function visible(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? (c.charCodeAt(0) < 0x80 ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** Whether `text` holds a character that `visible` would escape. */
export function hasControl(text: string): boolean {
  return new RegExp(CONTROL.source).test(text);
}

function hex(c: string, width: number): string {
  return c.charCodeAt(0).toString(16).padStart(width, "0");
}
