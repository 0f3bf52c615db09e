/**
 * The published CSV: UTF-8 with a byte-order mark, so that Excel and WPS on a Chinese Windows
 * machine read the Chinese text correctly, RFC 4180 quoting, English field names in the header
 * (the names of datapackage.json's schema), codes as text exactly as published. The files are
 * written by src/publish/staging.ts as validation streams the rows.
 */
import { UTF8_BOM, csvCell } from '../lib/csv.ts';

// One cell rule for the published files and the browser's downloads (src/lib/csv.ts).
export { UTF8_BOM, csvCell };
