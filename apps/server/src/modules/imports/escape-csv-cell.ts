// Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP
// "CSV injection"); \0 is included because some readers drop it and then see the next one.
const FORMULA_START = /^[=+\-@\t\r\0]/;

/**
 * Makes a text cell safe to open in a spreadsheet by prefixing a single quote when it could be
 * read as a formula. Numbers never pass through here: a negative amount must stay a number.
 */
export function escapeCsvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
