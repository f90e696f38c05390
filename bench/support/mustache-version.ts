/**
 * The mustache.js version of a Handlebars template, for timing mustache.js on the same email. Mustache has
 * sections where Handlebars has block helpers, so each block becomes a section over the same value:
 *   {{#each x}} / {{#if x}} / {{#with x}}   →  {{#x}}        (a list iterates, a truthy value renders once)
 *   {{#unless x}}                            →  {{^x}}
 *   {{else}}                                 →  {{/x}}{{^x}}  (or {{/x}}{{#x}} inside an unless)
 *   {{/each}} {{/if}} {{/with}} {{/unless}}  →  {{/x}}
 *   {{this}}                                 →  {{.}}
 *   ../x, @root.x                            →  x            (mustache looks a name up outward by itself)
 * A block helper without params (`{{#urlEncode}}`) stays a section: the data supplies it as a lambda. Anything
 * else (helpers with params, `@index`) has no mustache form, and the conversion refuses it. The benchmark checks
 * the output byte for byte against mergetag's before timing, so a conversion that changed the meaning is caught.
 */

const TAG = /\{\{\{([^}]*)\}\}\}|\{\{([^}]*)\}\}/g;
const BLOCK = /^#(each|if|with|unless)\s+(\S+)$/;

function path(text: string): string {
  const name = text.trim();
  if (name === 'this' || name === '.') return '.';
  const bare = name.replace(/^(\.\.\/)+/, '').replace(/^@root\./, '');
  if (!/^[A-Za-z_][\w.]*$/.test(bare)) throw new Error(`no mustache form for {{${name}}}`);
  return bare;
}

/** Converts a template written with `{{ }}` only (the feed family already turned into `{{ }}`). */
export function mustacheVersion(template: string): string {
  const open: Array<{ name: string; inverted: boolean }> = [];
  return template.replace(TAG, (_tag, raw: string | undefined, inner: string | undefined) => {
    if (raw !== undefined) return `{{{${path(raw)}}}}`;
    const text = inner!.trim();
    const block = BLOCK.exec(text);
    if (block) {
      const name = path(block[2]!);
      const inverted = block[1] === 'unless';
      open.push({ name, inverted });
      return `{{${inverted ? '^' : '#'}${name}}}`;
    }
    if (/^#[A-Za-z]+$/.test(text)) {
      open.push({ name: text.slice(1), inverted: false });
      return `{{${text}}}`;
    }
    if (text === 'else') {
      const top = open[open.length - 1];
      if (!top) throw new Error('{{else}} outside a block');
      return `{{/${top.name}}}{{${top.inverted ? '#' : '^'}${top.name}}}`;
    }
    if (text.startsWith('/')) {
      const top = open.pop();
      if (!top) throw new Error(`{{${text}}} closes no block`);
      return `{{/${top.name}}}`;
    }
    if (text.startsWith('!')) return '';
    return `{{${path(text)}}}`;
  });
}
