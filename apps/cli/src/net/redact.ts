/**
 * Secrets that may sit in a URL (the OpenAlex key travels as `api_key=`), masked for anything a person
 * or a file will see: error messages, progress lines, the run summary, the fetch_runs table.
 */
export function redactSecrets(text: string): string {
  return text.replace(/([?&;]|\b)(api_key|apikey|api-key|token|access_token)=[^&#\s"']*/gi, '$1$2=REDACTED');
}
