import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { validateAgainstSchema } from './xsd-validation.ts';

/** The official IATI files beside the repository (never copied into it): `../shared/iati/`. */
export const sharedIati = path.resolve(fileURLToPath(new URL('../../../../shared/iati', import.meta.url)));
export const schemaDir = path.join(sharedIati, 'schema-2.03');
export const schemaFile = path.join(schemaDir, 'iati-activities-schema.xsd');

/** Holds a document against the official activity schema; answers the errors, none when valid. */
export async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateAgainstSchema(schemaFile, Buffer.from(xml));
  return result.errors.map((e) => `line ${e.line}: ${e.message}`);
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** A small tree of an XML document, for assertions on what the export holds. */
export function parseTree(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const element = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      text: '',
      children: [],
    };
    stack[stack.length - 1]?.children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  const [document] = root.children;
  if (!document) throw new Error('empty document');
  return document;
}

export const childrenNamed = (element: XmlElement, name: string) =>
  element.children.filter((c) => c.name === name);
export const childNamed = (element: XmlElement, name: string) =>
  element.children.find((c) => c.name === name);
