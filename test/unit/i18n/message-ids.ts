import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { defaultCategories } from '../../../src/domain/categories';
import { defaultZones } from '../../../src/domain/event';
import { lostPersonStateLabels } from '../../../src/domain/lost-person';
import { itemCategoryLabels } from '../../../src/domain/lost-property';
import { codeWords } from '../../../src/domain/phrase-words';

/** A message id and whether it is the `other` form of a plural (`tn`). */
export interface MessageId {
  id: string;
  plural: boolean;
  where: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'catalogs' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function literal(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/**
 * Every English string the UI shows through the catalog, read from the source: `t('…')`,
 * `tn(n, '…one', '…other')`, `msg('…')`, the values of `translatedLabels({…})`, the messages of
 * errors the app, database and sync code raise (shown through `errorMessage`), and the default
 * categories and zones an event starts with, and the domain's item kinds and lost-person states;
 * and the phrases the domain writes (`say('…')`) with the words of the codes inside them.
 */
export function messageIds(root: string): MessageId[] {
  const ids = new Map<string, MessageId>();
  const add = (id: string | undefined, plural: boolean, where: string) => {
    if (id && !ids.has(id)) ids.set(id, { id, plural, where });
  };
  const files = [
    ...sourceFiles(join(root, 'src/app')),
    ...sourceFiles(join(root, 'src/db')),
    ...sourceFiles(join(root, 'src/sync')),
  ];
  const domainFiles = sourceFiles(join(root, 'src/domain'));
  for (const file of [...files, ...domainFiles]) {
    const inDomain = domainFiles.includes(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression.getText(source);
        const args = node.arguments ?? ts.factory.createNodeArray();
        const where = `${file.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        if (inDomain) {
          if (ts.isCallExpression(node) && callee === 'say') {
            // A phrase id the catalog test cannot read would reach phones untranslated.
            if (literal(args[0]) === undefined) throw new Error(`say() needs a string literal as its id (${where})`);
            add(literal(args[0]), false, where);
          }
          ts.forEachChild(node, visit);
          return;
        }
        if (ts.isCallExpression(node) && (callee === 't' || callee === 'msg')) add(literal(args[0]), false, where);
        if (ts.isCallExpression(node) && callee === 'tn') add(literal(args[2]), true, where);
        if (ts.isNewExpression(node) && callee === 'AppError') add(literal(args[1]), false, where);
        if (ts.isCallExpression(node) && callee === 'translatedLabels' && args[0] && ts.isObjectLiteralExpression(args[0])) {
          for (const property of args[0].properties) {
            if (ts.isPropertyAssignment(property)) add(literal(property.initializer), false, where);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  for (const category of defaultCategories) add(category.label, false, 'src/domain/categories.ts');
  for (const zone of defaultZones) add(zone.name, false, 'src/domain/event.ts');
  // Domain label tables the screens show through t().
  for (const label of Object.values(itemCategoryLabels)) add(label, false, 'src/domain/lost-property.ts');
  for (const label of Object.values(lostPersonStateLabels)) add(label, false, 'src/domain/lost-person.ts');
  for (const words of Object.values(codeWords))
    for (const word of Object.values(words)) add(word, false, 'src/domain/phrase-words.ts');
  return [...ids.values()];
}
