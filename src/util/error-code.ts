// The code a failed system call carries ("ENOENT", "EACCES"); undefined for any other error.
export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}
