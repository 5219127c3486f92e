/**
 * Generates src/model/generated/fieldTree.ts: for every object type reachable from the checked
 * kinds, its known field names and what each field holds. Read from the .d.ts files of
 * @kubernetes-models/argo-rollouts and kubernetes-models with the TypeScript compiler API.
 * Argo counterpart: the Go struct tags that make `kubectl argo rollouts lint` reject unknown fields.
 * Run: `npm run gen:fields`. Tests regenerate in memory and compare with the committed file.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/** A root of the tree: the kind it checks and the interface that describes it. */
interface RootSpec {
  readonly apiVersion: string;
  readonly kind: string;
  /** Path under node_modules of the .d.ts declaring the interface. */
  readonly file: string;
  readonly iface: string;
}

const ARGO = '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1';

/** ROOTS are the kinds whose unknown fields are reported, in output order. */
export const ROOTS: readonly RootSpec[] = [
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    file: `${ARGO}/Rollout.d.ts`,
    iface: 'IRollout',
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisTemplate',
    file: `${ARGO}/AnalysisTemplate.d.ts`,
    iface: 'IAnalysisTemplate',
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ClusterAnalysisTemplate',
    file: `${ARGO}/ClusterAnalysisTemplate.d.ts`,
    iface: 'IClusterAnalysisTemplate',
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AnalysisRun',
    file: `${ARGO}/AnalysisRun.d.ts`,
    iface: 'IAnalysisRun',
  },
  {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Experiment',
    file: `${ARGO}/Experiment.d.ts`,
    iface: 'IExperiment',
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    file: 'kubernetes-models/v1/Service.d.ts',
    iface: 'IService',
  },
  { apiVersion: 'v1', kind: 'Secret', file: 'kubernetes-models/v1/Secret.d.ts', iface: 'ISecret' },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    file: 'kubernetes-models/v1/ConfigMap.d.ts',
    iface: 'IConfigMap',
  },
  { apiVersion: 'v1', kind: 'Pod', file: 'kubernetes-models/v1/Pod.d.ts', iface: 'IPod' },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    file: 'kubernetes-models/apps/v1/Deployment.d.ts',
    iface: 'IDeployment',
  },
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    file: 'kubernetes-models/apps/v1/ReplicaSet.d.ts',
    iface: 'IReplicaSet',
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    file: 'kubernetes-models/batch/v1/Job.d.ts',
    iface: 'IJob',
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    file: 'kubernetes-models/networking.k8s.io/v1/Ingress.d.ts',
    iface: 'IIngress',
  },
];

const SCALAR_FLAGS =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike;

/**
 * generateFieldTreeSource returns the text of src/model/generated/fieldTree.ts.
 * Field descriptors: `s` scalar, `*` anything (free-form), a type id (object), `[]X` list of X,
 * `{}X` map with any keys whose values are X.
 */
export function generateFieldTreeSource(rootDir: string = defaultRoot()): string {
  const modules = join(rootDir, 'node_modules');
  const files = ROOTS.map((r) => join(modules, r.file));
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  const checker = program.getTypeChecker();

  const ids = new Map<ts.Type, string>();
  const usedIds = new Set<string>();
  const types = new Map<string, Record<string, string>>();
  const queue: { type: ts.Type; id: string }[] = [];

  const idFor = (type: ts.Type, hint: string): string => {
    const known = ids.get(type);
    if (known) return known;
    const symbolName = type.aliasSymbol?.name ?? type.getSymbol()?.name ?? '';
    let base =
      symbolName && symbolName !== '__type' && symbolName !== '__object' ? symbolName : hint;
    base = base.replace(/^I(?=[A-Z])/, '');
    base = base.charAt(0).toUpperCase() + base.slice(1);
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}${n}`;
    usedIds.add(id);
    ids.set(type, id);
    queue.push({ type, id });
    return id;
  };

  const describe = (raw: ts.Type, hint: string): string => {
    if (raw.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return '*';
    let type = raw;
    if (type.isUnion()) {
      const parts = type.types.filter(
        (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)),
      );
      if (parts.length === 0) return '*';
      if (parts.every((t) => t.flags & SCALAR_FLAGS)) return 's';
      if (parts.length > 1) return '*';
      type = parts[0];
    }
    if (type.flags & SCALAR_FLAGS) return 's';
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      return `[]${element ? describe(element, hint) : '*'}`;
    }
    if (type.flags & ts.TypeFlags.Object) {
      const props = checker.getPropertiesOfType(type);
      if (props.length === 0) {
        const index = checker.getIndexInfosOfType(type)[0];
        return index ? `{}${describe(index.type, hint)}` : '*';
      }
      return idFor(type, hint);
    }
    return '*';
  };

  const roots: [string, string][] = [];
  for (const root of ROOTS) {
    const source = program.getSourceFile(join(modules, root.file));
    if (!source) throw new Error(`cannot read ${root.file}`);
    const decl = source.statements.find(
      (s): s is ts.InterfaceDeclaration =>
        ts.isInterfaceDeclaration(s) && s.name.text === root.iface,
    );
    if (!decl) throw new Error(`${root.iface} not found in ${root.file}`);
    const type = checker.getTypeAtLocation(decl.name);
    roots.push([`${root.apiVersion}|${root.kind}`, idFor(type, root.kind)]);
  }

  while (queue.length > 0) {
    const { type, id } = queue.shift() as { type: ts.Type; id: string };
    const fields: Record<string, string> = {};
    const props = [...checker.getPropertiesOfType(type)].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const prop of props) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = decl
        ? checker.getTypeOfSymbolAtLocation(prop, decl)
        : checker.getTypeOfSymbol(prop);
      fields[prop.name] = describe(
        propType,
        `${id}${prop.name.charAt(0).toUpperCase()}${prop.name.slice(1)}`,
      );
    }
    types.set(id, fields);
  }

  const q = (s: string): string => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) ? s : JSON.stringify(s));
  const lines: string[] = [];
  lines.push(
    '// GENERATED by scripts/genFieldTree.ts — do not edit. Regenerate with `npm run gen:fields`.',
  );
  lines.push(
    '// Known fields of every object type reachable from the checked kinds, read from the .d.ts files',
  );
  lines.push(
    '// of @kubernetes-models/argo-rollouts and kubernetes-models. Descriptors: `s` scalar, `*` any,',
  );
  lines.push(
    '// a type id (object), `[]X` list of X, `{}X` map of X. Used by ../unknownFields.ts.',
  );
  lines.push('');
  lines.push('/** FIELD_TREE_ROOTS maps `apiVersion|kind` to the type id of the whole object. */');
  lines.push('export const FIELD_TREE_ROOTS: Readonly<Record<string, string>> = {');
  for (const [key, id] of roots) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(id)},`);
  lines.push('};');
  lines.push('');
  lines.push('/** FIELD_TREE_TYPES maps a type id to its field names and their descriptors. */');
  lines.push(
    'export const FIELD_TREE_TYPES: Readonly<Record<string, Readonly<Record<string, string>>>> = {',
  );
  const sortedIds = [...types.keys()].sort();
  for (const id of sortedIds) {
    const fields = types.get(id) ?? {};
    const body = Object.entries(fields)
      .map(([name, d]) => `${q(name)}: ${JSON.stringify(d)}`)
      .join(', ');
    lines.push(`  ${q(id)}: { ${body} },`);
  }
  lines.push('};');
  lines.push('');
  return lines.join('\n');
}

function defaultRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

/** OUTPUT_PATH is where the generated file lives, relative to the project root. */
export const OUTPUT_PATH = 'src/model/generated/fieldTree.ts';

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const root = defaultRoot();
  writeFileSync(join(root, OUTPUT_PATH), generateFieldTreeSource(root));
  console.log(`wrote ${OUTPUT_PATH}`);
}
