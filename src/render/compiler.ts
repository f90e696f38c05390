/**
 * Compiles the AST once into closures (DESIGN.md §2: parse once, render many). Rendering calls the closures with
 * a scope; it never re-parses or walks the AST. Helper lookups, unknown-helper errors and literal values are all
 * settled here, at compile time, as Handlebars.java settles them when it compiles a template.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, Span } from '../diagnostics/source.js';
import type { HelperRegistry } from '../helpers/registry.js';
import type { HelperDefinition, RuntimeServices } from '../helpers/types.js';
import type {
  BlockStatement,
  Expression,
  Family,
  Hash,
  Literal,
  MustacheStatement,
  PartialStatement,
  PathExpression,
  Program,
  Statement,
} from '../syntax/ast.js';
import { escapeHtml } from '../values/escape.js';
import { propertyKey } from '../values/key.js';
import { jsonText, printValue } from '../values/print.js';
import { nodeStandIn } from '../values/node-stand-in.js';
import { isTruthy } from '../values/truthy.js';
import { RawNode, SafeString, type Value } from '../values/types.js';
import { JsonNumber } from '../values/json-number.js';
import { HelperError, SendSkip } from '../runtime/errors.js';
import { IterationData } from '../runtime/iteration-data.js';
import { HelperInvocation, type CallSite } from './helper-call.js';
import {
  blockParam,
  contextModel,
  familyOf,
  pathSpec,
  push,
  pushParts,
  resolveParts,
  resolvePath,
  type FamilyScope,
  type MemberProbe,
  type PathSpec,
  type Scope,
} from '../runtime/scope.js';
import { JAVA_MEMBER_NAMES } from '../runtime/java-members.js';
import { parse } from '../syntax/parser.js';

export interface RunState extends RuntimeServices {
  readonly file: string | undefined;
  /** The render's output cap (`checkOutput` throws past it). */
  readonly maxOutputBytes: number;
  /** The value `{{#assign}}` gave a name in this render, or undefined. */
  assignedValue(name: string): Value;
}

export type RenderFn = (scope: Scope, run: RunState) => string;
type EvalFn = (scope: Scope, run: RunState) => Value;
/** How tags read one path: its value, or its value printed and HTML-escaped. */
interface PathReader {
  value: EvalFn;
  escaped: RenderFn;
  /** The reader as an object, for the program loop to call directly (absent for a path naming a Java method). */
  read?: PathRead;
}
/** Turns a tag's value into output text: escaped or raw. */
type Writer = (value: Value, run: RunState) => string;

const renderNothing: RenderFn = () => '';
const EMPTY_HASH: ReadonlyMap<string, Value> = new Map();

export class Compiler {
  /** Inline partials (`{{#*inline "name"}}`) of the template, by name. */
  private readonly partials = new Map<string, RenderFn>();
  /** Path readers by family and path (see pathReader). */
  private readonly paths = new Map<string, PathReader>();
  /** The tags that print a path's escaped value, and the reader each calls (see compileProgram). */
  private readonly escapedReads = new Map<RenderFn, PathRead>();
  /** The same for the functions that evaluate a path (see compileChoice). */
  private readonly valueReads = new Map<EvalFn, PathRead>();
  /** Compiled snippet texts, by file and text. */
  private readonly includes = new Map<string, RenderFn>();
  /** The blocks enclosing the statement being compiled, innermost last: name, family and first parameter. */
  private readonly blocks: Array<{ name: string; family: Family; param: string | undefined }> = [];
  /** The encoding block helpers (`meta.encodesBody`) that enclose the statement being compiled, innermost last. */
  private readonly encodingBlocks: string[] = [];

  constructor(
    private readonly helpers: HelperRegistry,
    private readonly source: SourceText,
    private readonly diagnostics: Diagnostic[],
  ) {}

  compileProgram(program: Program | undefined): RenderFn {
    if (!program) return renderNothing;
    // The program as static text before each tag, the tags, and the text after the last one: static text is
    // appended as it is, not through a call (adjacent texts, say around a comment, are joined).
    const texts: string[] = [];
    const tags: RenderFn[] = [];
    let text = '';
    for (const statement of program.body) {
      if (statement.type === 'ContentStatement') {
        text += statement.value;
        continue;
      }
      const part = this.compileStatement(statement);
      if (part === renderNothing) continue;
      texts.push(text);
      tags.push(part);
      text = '';
    }
    const tail = text;
    if (tags.length === 0) return tail ? () => tail : renderNothing;
    if (tags.length === 1 && texts[0] === '' && tail === '') return tags[0]!;
    const count = tags.length;
    // The commonest tag, `{{x}}`, is called through its reader object: a call every program makes on one class
    // (which V8 can inline) instead of on a closure that differs per tag.
    const reads = tags.map((tag) => this.escapedReads.get(tag));
    return (scope, run) => {
      let out = '';
      for (let i = 0; i < count; i++) {
        out += texts[i]!;
        const read = reads[i];
        out += read !== undefined ? read.escaped(scope, run) : tags[i]!(scope, run);
        if (out.length > run.maxOutputBytes) run.checkOutput(out);
      }
      out += tail;
      if (out.length > run.maxOutputBytes) run.checkOutput(out);
      return out;
    };
  }

  private compileStatement(statement: Statement): RenderFn {
    switch (statement.type) {
      case 'ContentStatement': {
        // compileProgram appends static text itself; this is for a statement compiled on its own.
        const text = statement.value;
        return text ? () => text : renderNothing;
      }
      case 'CommentStatement':
        return renderNothing;
      case 'MustacheStatement':
        return this.compileMustache(statement);
      case 'BlockStatement':
        return this.compileBlock(statement);
      case 'PartialStatement':
        return this.compilePartial(statement);
      case 'InlinePartialStatement':
        this.partials.set(statement.name, this.compileProgram(statement.program));
        return renderNothing;
    }
  }

  // ---- {{x}} ---------------------------------------------------------------------------------------------

  private compileMustache(node: MustacheStatement): RenderFn {
    const encoder = this.encodingBlocks[this.encodingBlocks.length - 1];
    const write = node.escaped ? (encoder ? this.escapeBeforeEncoding(node, encoder) : escapeOutput) : rawOutput;
    const head = node.path;
    if (head.type !== 'PathExpression') {
      const value = literalValue(head);
      return (_scope, run) => write(value, run);
    }
    const hasArguments = node.params.length > 0 || node.hash !== undefined;
    const helper = this.helperFor(head, hasArguments);
    if (helper) {
      const call = this.compileHelperCall(helper, head, node.params, node.hash, node.family, node.loc, undefined);
      if (hasArguments) return (scope, run) => write(call(scope, run), run);
      // Directly at a block parameter level a tag without arguments is a path, helper or not (Variable.value:
      // `scope.isBlockParams() && noArg`): `{{#each xs as |p|}}{{upper}}` reads a field named upper.
      const family = node.family;
      const path = this.pathReader(head, family).value;
      return (scope, run) => write(familyOf(scope, family).context.blockParams ? path(scope, run) : call(scope, run), run);
    }
    if (hasArguments) return this.unknownHelper(head);
    const family = node.family;
    const reader = this.pathReader(this.qualifyInsideWith(head, family), family);
    // The commonest tag gets a closure of its own (the reader's), so the calls in it see one kind of writer.
    if (write === escapeOutput) {
      if (reader.read) this.escapedReads.set(reader.escaped, reader.read);
      return reader.escaped;
    }
    const resolve = reader.value;
    return (scope, run) => write(resolve(scope, run), run);
  }

  /**
   * Inside `{{#urlEncode}}` (and the other encoding blocks), `{{x}}` is HTML-escaped before it is encoded
   * (DESIGN.md rule 9), so `O'Brien` is sent as `O%26%23x27%3BBrien`. Faithful, and almost never what the
   * author meant: say so when it happens.
   */
  private escapeBeforeEncoding(node: MustacheStatement, helper: string): Writer {
    const file = this.source.file;
    const tag = this.source.text.slice(node.loc.start.offset, node.loc.end.offset);
    const raw = tag.replace(/^(\{\{|\[\[)~?/, '$1{').replace(/~?(\}\}|\]\])$/, '}$1');
    return (value, run) => {
      const text = escapeOutput(value);
      if (!(value instanceof SafeString) && text !== printValue(value)) {
        run.diagnostics.push(
          diagnostic(
            'escaped-in-url-encode',
            'warning',
            `${tag} is HTML-escaped before #${helper} encodes it: ${JSON.stringify(printValue(value))} is encoded as ${JSON.stringify(text)}`,
            node.loc,
            { ...(file !== undefined ? { file } : {}), hint: `write ${raw} inside {{#${helper}}}` },
          ),
        );
      }
      return text;
    };
  }

  /**
   * Handlebars.java's "HACK to qualify 'with'" (TemplateBuilder): directly inside `{{#with p}}`, a variable tag
   * `{{p}}` or `{{p.x}}` is read as `{{this.p...}}`, i.e. `p` inside the new context only. So
   * `{{#with a}}{{a.b}}{{/with}}` prints nothing where handlebars.js prints `a.b`.
   */
  private qualifyInsideWith(path: PathExpression, family: Family): PathExpression {
    const block = this.blocks[this.blocks.length - 1];
    if (!block || block.name !== 'with' || block.family !== family || block.param === undefined) return path;
    if (path.local || path.depth > 0 || path.original.startsWith('.')) return path;
    if (path.original !== block.param && !path.original.startsWith(`${block.param}.`)) return path;
    // A data path (`{{#with @root.y}}{{@root.y.k}}`) becomes `this.@root.y.k` too: the key `@root` of the new
    // context, which has none (fuzz class with-hack-on-root-param).
    if (path.data) return { ...path, data: false, local: true, parts: [`@${path.parts[0] ?? ''}`, ...path.parts.slice(1)] };
    return { ...path, local: true };
  }

  // ---- {{#x}}...{{/x}} -----------------------------------------------------------------------------------

  private compileBlock(node: BlockStatement): RenderFn {
    const encodes = !node.inverted && this.helperFor(node.path)?.meta.encodesBody === true;
    if (encodes) this.encodingBlocks.push(node.path.original);
    const first = node.params[0];
    this.blocks.push({ name: node.path.original, family: node.family, param: first?.type === 'PathExpression' ? first.original : undefined });
    const program = this.compileProgram(node.program);
    if (encodes) this.encodingBlocks.pop();
    const inverse = this.compileProgram(node.inverse);
    this.blocks.pop();
    const family = node.family;
    const hasArguments = node.params.length > 0 || node.hash !== undefined;
    if (node.inverted) {
      // `{{^helper a b}}`: TemplateBuilder.visitUnless drops the params and hash, so the helper is called as
      // `{{#helper}}` would be, on the model of `this`, with the body as its block and no else block:
      // `{{^if a}}x{{/if}}` prints x whenever `this` is not empty (checked against the Java engine).
      const invertedHelper = this.helperFor(node.path, false);
      if (invertedHelper) {
        if (hasArguments) this.warnInvertedHelper(node);
        const call = this.compileHelperCall(invertedHelper, node.path, [], undefined, family, node.loc, {
          program,
          inverse: renderNothing,
          blockParamNames: node.program?.blockParams ?? [],
        });
        return (scope, run) => printValue(call(scope, run));
      }
      // `{{^x}}`: renders when x is falsy.
      const value = this.compilePath(node.path, family);
      return (scope, run) => (isTruthy(value(scope, run)) ? inverse(scope, run) : program(scope, run));
    }
    const helper = this.helperFor(node.path, hasArguments);
    // With block parameters the blocks run at a level of their own (helper-call.ts), so the fast path is not taken.
    if (helper?.choose && node.hash === undefined && !node.program?.blockParams?.length)
      return this.compileChoice(helper, helper.choose, node, program, inverse);
    if (helper?.transformBody && !hasArguments) return this.compileTransform(helper.transformBody, node, program);
    if (helper) {
      const call = this.compileHelperCall(helper, node.path, node.params, node.hash, family, node.loc, {
        program,
        inverse,
        blockParamNames: node.program?.blockParams ?? [],
      });
      return (scope, run) => printValue(call(scope, run));
    }
    if (hasArguments) return this.unknownHelper(node.path);
    return this.compileSection(node, program, inverse);
  }

  /**
   * `{{#if x}}` and the other helpers that only choose a block (`HelperDefinition.choose`): every param is
   * evaluated as for a call, the first decides, and an error inside the block is located at this tag, as a
   * helper call's is.
   */
  private compileChoice(helper: HelperDefinition, choose: (value: Value) => boolean, node: BlockStatement, program: RenderFn, inverse: RenderFn): RenderFn {
    const params = this.compileParams(helper, node.params, node.family);
    const passNode = this.nodePasser(helper, node.params, node.path);
    const name = node.path.original;
    const loc = node.loc;
    // A path param is read through its reader object, as compileProgram calls `{{x}}`.
    const reads = params.map((param) => this.valueReads.get(param));
    return (scope, run) => {
      let value: Value = undefined;
      for (let i = 0; i < params.length; i++) {
        const read = reads[i];
        const found = read !== undefined ? read.value(scope, run) : params[i]!(scope, run);
        const passed = found instanceof RawNode ? passNode(found, i, run) : found;
        if (i === 0) value = passed;
      }
      try {
        return choose(value) ? program(scope, run) : inverse(scope, run);
      } catch (error) {
        throw locate(error, name, loc);
      }
    };
  }

  /** `{{#urlEncode}}…{{/urlEncode}}` and the other body transforms (`HelperDefinition.transformBody`). */
  private compileTransform(transform: (body: string) => string, node: BlockStatement, program: RenderFn): RenderFn {
    const name = node.path.original;
    const loc = node.loc;
    return (scope, run) => {
      try {
        return transform(program(scope, run));
      } catch (error) {
        throw locate(error, name, loc);
      }
    };
  }

  /**
   * A block that names no helper is a Mustache section (Handlebars.java's blockHelperMissing): falsy renders the
   * else block, `true` renders the block in the same context, an array renders it per element, anything else
   * renders it once with the value as `this`. Corpus `section.*`.
   */
  private compileSection(node: BlockStatement, program: RenderFn, inverse: RenderFn): RenderFn {
    const family = node.family;
    const value = this.compilePath(node.path, family);
    return (scope, run) => {
      const found = value(scope, run);
      // A raw object or array node is a Java Iterable: a section renders once per value, as over an array.
      const v = found instanceof RawNode && (found.value instanceof Map || Array.isArray(found.value)) ? [...found.value.values()] : found;
      // Block.merge picks the helper by the value: an empty list is #each's and false is #if's else block, in the
      // same context; any other falsy value is #with's, with the value (null: Java's null) as `this`.
      if (!isTruthy(v))
        return v === false || Array.isArray(v) ? inverse(scope, run) : inverse(pushParts(scope, family, true, v ?? undefined, undefined, undefined), run);
      if (v === true) return program(scope, run);
      if (Array.isArray(v)) {
        let out = '';
        v.forEach((item, index) => {
          out += program(pushParts(scope, family, true, item, new IterationData(index, v.length, JsonNumber.fromNumber(index)), undefined, true), run);
          checkOutputAt(run, out, node.loc);
        });
        return out;
      }
      return program(push(scope, family, { context: v }), run);
    };
  }

  // ---- {{> partial}} -------------------------------------------------------------------------------------

  private compilePartial(node: PartialStatement): RenderFn {
    const name = node.name.type === 'StringLiteral' ? node.name.value : node.name.original;
    const family = node.family;
    const contextParam = node.params[0] ? this.compileExpression(node.params[0], family) : undefined;
    const hash = this.compileHash(node.hash, family);
    return (scope, run) => {
      const partial = this.partials.get(name);
      if (!partial) {
        throw new SendSkip('HandlebarsExecutionError', `the partial '${name}' could not be found`, node.loc);
      }
      let context = contextParam ? contextParam(scope, run) : familyOf(scope, family).context.value;
      if (hash.length) {
        const merged = new Map(context instanceof Map ? context : []);
        for (const [key, value] of hash) merged.set(key, value(scope, run));
        context = merged;
      }
      return partial(push(scope, family, { context }), run);
    };
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  /** The helper a tag calls: none for a data, local or parent path, nor for a bare `bareIsPath` name. */
  private helperFor(path: PathExpression, hasArguments = true): HelperDefinition | undefined {
    if (path.data || path.local || path.depth > 0) return undefined;
    const helper = this.helpers.get(path.original);
    return helper?.meta.bareIsPath && !hasArguments ? undefined : helper;
  }

  private warnInvertedHelper(node: BlockStatement): void {
    const name = node.path.original;
    const open = node.family === 'user' ? '{{' : '[[';
    const close = node.family === 'user' ? '}}' : ']]';
    this.diagnostics.push(
      diagnostic(
        'inverted-helper',
        'warning',
        `${open}^${name} …${close} ignores its params and hash in Iterable's engine: it calls ${name} on \`this\``,
        node.path.loc,
        {
          ...(this.source.file !== undefined ? { file: this.source.file } : {}),
          hint: `for "not", write ${open}#unless …${close} or ${open}#${name} …${close}${open}else${close}…`,
        },
      ),
    );
  }

  private unknownHelper(path: PathExpression): RenderFn {
    const name = path.original;
    const suggestion = this.helpers.suggest(name);
    this.diagnostics.push(
      diagnostic('unknown-helper', 'error', `could not find helper '${name}'`, path.loc, {
        ...(this.source.file !== undefined ? { file: this.source.file } : {}),
        hint: suggestion
          ? `did you mean '${suggestion}'? An unknown helper called with parameters fails the render: the message is not sent`
          : 'an unknown helper called with parameters fails the render: the message is not sent',
      }),
    );
    return renderNothing;
  }

  private compileHelperCall(
    helper: HelperDefinition,
    path: PathExpression,
    paramNodes: Expression[],
    hashNode: Hash | undefined,
    family: Family,
    loc: Span,
    block: { program: RenderFn; inverse: RenderFn; blockParamNames: readonly string[] } | undefined,
  ): EvalFn {
    const params = this.compileParams(helper, paramNodes, family);
    const hash = this.compileHash(hashNode, family);
    const site: CallSite = {
      name: path.original,
      family,
      loc,
      file: this.source.file,
      isBlock: block !== undefined,
      program: block?.program,
      inverse: block?.inverse,
      blockParamNames: block?.blockParamNames ?? [],
      compileInclude: (text, file) => this.compileInclude(text, file),
    };
    const takesNodes = helper.meta.rawNodes === true;
    const passNode = this.nodePasser(helper, paramNodes, path);
    const paramIsModel = paramNodes.length === 0 && params.length === 1;
    const first = paramNodes[0];
    const paramIsThis = first?.type === 'PathExpression' && !first.data && first.depth === 0 && first.parts.length === 0;
    return (scope, run) => {
      const values = new Array<Value>(params.length);
      for (let i = 0; i < params.length; i++) {
        const value = params[i]!(scope, run);
        values[i] = value instanceof RawNode ? passNode(value, i, run) : value;
      }
      const hashValues = hash.length
        ? new Map(
            hash.map(([key, value]) => {
              const v = value(scope, run);
              return [key, v instanceof RawNode && !takesNodes ? nodeStandIn(v.value) : v];
            }),
          )
        : EMPTY_HASH;
      try {
        return helper.fn(new HelperInvocation(site, scope, run, values, hashValues, paramIsModel, paramIsThis));
      } catch (error) {
        throw locate(error, site.name, loc);
      }
    };
  }

  /**
   * A helper's arguments. Without params, Handlebars.java hands a helper the current context's model as its first
   * argument (HelperResolver.determineContext: `paramSize == 0` → `context.model()`), so `{{#if}}` tests `this`,
   * `{{#with}}` pushes it again and `{{#eq}}` compares it with null. The model is the raw Jackson node at the root
   * and for an `#each` element, else the value the context was given (a Map view of an object prints `{k=v}`).
   * A helper that declares no params ignores it, as the Java helpers do.
   */
  private compileParams(helper: HelperDefinition, paramNodes: Expression[], family: Family): EvalFn[] {
    if (paramNodes.length > 0 || helper.meta.params.length === 0 || helper.meta.noParamsFails)
      return paramNodes.map((param) => this.compileExpression(param, family));
    return [(scope) => contextModel(familyOf(scope, family).context)];
  }

  /**
   * What a helper's param becomes when it is a raw JSON node: the node itself for the helpers that take nodes
   * (`meta.rawNodes`) and for every param after the first (the engine hands over the JsonNode, which a helper
   * casting it to a String or a number fails on: `{{cut s @root}}` is a ClassCastException), else its stand-in
   * (values/node-stand-in.ts); a text, number, boolean or null node warns.
   */
  private nodePasser(helper: HelperDefinition, paramNodes: Expression[], path: PathExpression): (node: RawNode, index: number, run: RunState) => Value {
    const takesNodes = helper.meta.rawNodes === true;
    return (node, index, run) => {
      if (isScalarNode(node)) this.warnScalarNode(node, paramNodes[index] ?? path, path.original, run);
      return takesNodes || index > 0 ? node : nodeStandIn(node.value);
    };
  }

  /**
   * A text, number, boolean or null node handed to a helper: Handlebars.java finds it empty (a JsonNode iterates its
   * children, and a scalar node has none), so `{{#if it}}` is false and `{{upper it}}` prints nothing for an element
   * parameter `it` of `"a"`: rarely what the author meant. Reported once per tag.
   */
  private warnScalarNode(node: RawNode, param: Expression, helper: string, run: RunState): void {
    const written = param.type === 'PathExpression' ? param.original || 'this' : helper;
    if (run.diagnostics.some((d) => d.ruleId === 'raw-json-node' && d.start.offset === param.loc.start.offset)) return;
    run.diagnostics.push(
      diagnostic(
        'raw-json-node',
        'warning',
        `${written} is the raw JSON node ${jsonText(node)} here, not its value: Iterable's engine finds a text, number or boolean node empty, so ${helper} treats it as missing`,
        param.loc,
        {
          ...(this.source.file !== undefined ? { file: this.source.file } : {}),
          hint: '#each with block parameters binds the element as a JSON node: iterate without them ({{#each list}}…{{this}}…) to get the value',
        },
      ),
    );
  }

  private compileHash(hash: Hash | undefined, family: Family): Array<[string, EvalFn]> {
    return (hash?.pairs ?? []).map((pair) => [pair.key, this.compileExpression(pair.value, family)]);
  }

  private compileExpression(node: Expression, family: Family): EvalFn {
    switch (node.type) {
      case 'PathExpression':
        return this.compilePath(node, family);
      case 'SubExpression': {
        const helper = this.helperFor(node.path);
        if (!helper) {
          this.unknownHelper(node.path);
          return () => undefined;
        }
        return this.compileHelperCall(helper, node.path, node.params, node.hash, family, node.loc, undefined);
      }
      default: {
        const value = literalValue(node);
        return () => value;
      }
    }
  }

  private compilePath(path: PathExpression, family: Family): EvalFn {
    return this.pathReader(path, family).value;
  }

  /**
   * A path's reader, shared by every tag of this template that reads the same path in the same family. It keeps
   * the last scope it resolved in, the value found and, once asked, its escaped text: a path resolves to the same
   * value in the same scope (scopes are immutable and made per render), so `{{#if x}}{{x}}{{/if}}` reads `x` once,
   * and a loop item that prints `{{url}}` three times reads and escapes it once. (A reader holds on to the last
   * render's scope until the next render.) A path naming a Java method has a reader per tag, which warns at its
   * tag when the method prints Java internals (`warnJavaMember`).
   */
  private pathReader(path: PathExpression, family: Family): PathReader {
    const dot = path.original === '.';
    // `this.x`, or a path the qualified-with rule made local (`{{x}}` in `{{#with x}}` is `this.x`); not `./x`.
    const viaThis = path.local && !path.original.startsWith('.');
    const key = `${family} ${path.data ? '@' : ''}${path.depth} ${path.local ? 'local' : ''} ${viaThis ? 'this' : ''} ${dot ? 'dot' : ''} ${JSON.stringify(path.parts)}`;
    const known = this.paths.get(key);
    if (known) return known;
    const spec = pathSpec({ dot, viaThis, data: path.data, depth: path.depth, local: path.local, parts: path.parts.map(propertyKey) });
    const head = !path.data && !path.local && path.depth === 0 ? spec.parts[0] : undefined;
    if (path.parts.some((part) => JAVA_MEMBER_NAMES.has(part))) {
      const value: EvalFn = (scope, run) => {
        const variable = assignedVariable(scope, run, family, head);
        const probe: MemberProbe = {};
        const found = variable !== undefined ? resolveParts(variable, spec.parts, 1, probe) : resolvePath(familyOf(scope, family), spec, probe);
        if (probe.internal !== undefined && found === undefined) this.warnJavaMember(path, probe.internal, run);
        return found;
      };
      return { value, escaped: (scope, run) => escapeOutput(value(scope, run)) };
    }
    const read = new PathRead(spec, family, head);
    const reader: PathReader = {
      value: (scope, run) => read.value(scope, run),
      escaped: (scope, run) => read.escaped(scope, run),
      read,
    };
    this.valueReads.set(reader.value, read);
    this.paths.set(key, reader);
    return reader;
  }

  /**
   * A name the data has no value for, that Iterable's engine answers with a Java method whose result is Java
   * internals (an iterator's object id, a byte array, a hash code) or a changed node: mergetag prints nothing and
   * says so, once per tag (runtime/java-members.ts).
   */
  private warnJavaMember(path: PathExpression, method: string, run: RunState): void {
    if (run.diagnostics.some((d) => d.ruleId === 'java-member' && d.start.offset === path.loc.start.offset)) return;
    run.diagnostics.push(
      diagnostic(
        'java-member',
        'warning',
        `${path.original} is not in the data here, and Iterable's engine then answers with the Java method ${method}, which prints Java internals; mergetag prints nothing`,
        path.loc,
        {
          ...(this.source.file !== undefined ? { file: this.source.file } : {}),
          hint: 'name a field the data has; a name the data lacks may be answered by a Java method of the value',
        },
      ),
    );
  }

  /** Compiles a snippet's text once per compiler (a render may include the same snippet for every item). */
  private compileInclude(text: string, file: string | undefined): RenderFn {
    const key = `${file ?? ''}\u0000${text}`;
    let compiled = this.includes.get(key);
    if (!compiled) {
      const parsed = parse(text, file !== undefined ? { file } : {});
      const diagnostics = parsed.diagnostics;
      const program = new Compiler(this.helpers, parsed.source, diagnostics).compileProgram(parsed.ast);
      const error = diagnostics.find((d) => d.severity === 'error');
      compiled = error
        ? () => {
            throw new SendSkip('HandlebarsExecutionError', `${error.file ?? 'snippet'}:${error.start.line}:${error.start.column}: ${error.message}`);
          }
        : program;
      this.includes.set(key, compiled);
    }
    return compiled;
  }
}

/**
 * A path's reader (Compiler.pathReader): it keeps the last scope it resolved in, the value found and, once asked,
 * its escaped text. An object rather than closures, so the calls to it are to one class.
 */
class PathRead {
  private lastScope: FamilyScope | undefined = undefined;
  private lastValue: Value = undefined;
  private lastEscaped: string | undefined = undefined;

  constructor(
    private readonly spec: PathSpec,
    private readonly family: Family,
    /** The first name of a plain path (`{{#assign}}` variables shadow it), else undefined. */
    private readonly head: string | undefined,
  ) {}

  value(scope: Scope, run: RunState): Value {
    const variable = assignedVariable(scope, run, this.family, this.head);
    if (variable !== undefined) return resolveParts(variable, this.spec.parts, 1);
    return this.resolve(familyOf(scope, this.family));
  }

  escaped(scope: Scope, run: RunState): string {
    const variable = assignedVariable(scope, run, this.family, this.head);
    if (variable !== undefined) return escapeOutput(resolveParts(variable, this.spec.parts, 1));
    const value = this.resolve(familyOf(scope, this.family));
    return (this.lastEscaped ??= escapeOutput(value));
  }

  private resolve(scope: FamilyScope): Value {
    if (scope !== this.lastScope) {
      this.lastValue = resolvePath(scope, this.spec);
      this.lastScope = scope;
      this.lastEscaped = undefined;
    }
    return this.lastValue;
  }
}

/**
 * The `{{#assign "x"}}` variable a plain path's first name reads: variables shadow the context (after block
 * parameters), from where they are set on. `head` is undefined for a path that is not plain.
 */
function assignedVariable(scope: Scope, run: RunState, family: Family, head: string | undefined): Value {
  if (head === undefined) return undefined;
  const variable = run.assignedValue(head);
  return variable !== undefined && !blockParam(familyOf(scope, family), head) ? variable : undefined;
}

function isScalarNode(node: RawNode): boolean {
  return !(node.value instanceof Map) && !Array.isArray(node.value);
}

function literalValue(node: Literal): Value {
  switch (node.type) {
    case 'StringLiteral':
    case 'BooleanLiteral':
      return node.value;
    case 'NumberLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'UndefinedLiteral':
      return undefined;
  }
}

function escapeOutput(value: Value, _run?: RunState): string {
  if (typeof value === 'string') return escapeHtml(value);
  if (value === undefined || value === null) return '';
  if (value instanceof SafeString) return value.html;
  return escapeHtml(printValue(value));
}

function rawOutput(value: Value, _run?: RunState): string {
  return printValue(value);
}

/** `run.checkOutput` for a loop of the template itself: the skip points at the loop's tag. */
function checkOutputAt(run: RunState, out: string, loc: Span): void {
  try {
    run.checkOutput(out);
  } catch (error) {
    throw locate(error, '', loc);
  }
}

/** Gives an error thrown inside a helper the location of the tag that called it. */
function locate(error: unknown, helper: string, loc: Span): unknown {
  if (error instanceof SendSkip) {
    if (!error.loc) error.loc = loc;
    return error;
  }
  if (error instanceof HelperError) return new SendSkip('HandlebarsExecutionError', `${helper}: ${error.message}`, loc);
  if (error instanceof RangeError) return error; // too deep a recursion: reported once, at the top
  const message = error instanceof Error ? error.message : String(error);
  return new SendSkip('HandlebarsExecutionError', `${helper}: ${message}`, loc);
}
