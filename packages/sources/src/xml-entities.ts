// Entity references in XML text and attribute values, decoded by the decoder fast-xml-parser 5 itself
// uses (@nodable/entities), configured as XMLParser configures it for parseXml's options
// (`htmlEntities: true`), so that buildXmlTree's trees equal the ones XMLParser gave before it
// (xml-tree.test.ts compares the two).
import { COMMON_HTML, CURRENCY, EntityDecoder } from '@nodable/entities';

/**
 * A decoder for one document: XML's five entities plus the HTML and currency names XMLParser knows
 * (any other name stays as written), numeric references as XMLParser reads them, and its limit on
 * the length of expanded text. `setXmlVersion(1.1)` once the declaration says so.
 */
export function xmlEntityDecoder(): EntityDecoder {
  return new EntityDecoder({
    namedEntities: { ...COMMON_HTML, ...CURRENCY },
    numericAllowed: true,
    limit: { maxTotalExpansions: Infinity, maxExpandedLength: 100000, applyLimitsTo: 'all' },
  });
}
