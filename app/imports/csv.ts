/**
 * CSV as offices save it (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes),
 * comma- or tab-separated. Each record keeps the line number it starts on, as an editor shows it.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Tab when the first line has tabs and no commas (Excel's 文本文件(制表符分隔)), else comma. */
export function detectDelimiter(text: string): "," | "\t" {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
}

export function parseCsv(text: string, delimiter: "," | "\t" = detectDelimiter(text)): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atCellStart = true;
  const endCell = () => {
    cells.push(cell);
    cell = "";
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === "\n") line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (char === delimiter) {
      endCell();
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
      atCellStart = false;
    }
  }
  if (cell !== "" || cells.length > 0) endRecord();
  return records;
}
