/**
 * Text rendering of a `RolloutInfo`: exactly what `kubectl argo rollouts get rollout NAME` prints
 * (header block, blank line, aligned tree). Mirrors argo-rollouts pkg/kubectl-argo-rollouts/cmd/
 * get/get.go and get_rollout.go. Pure: reads only the view model; "now" was fixed when it was built.
 */
import { ICON, INFO_TAG } from './common';
import { rolloutImages, rolloutRevisions } from './rolloutInfo';
import { alignTabs } from './tabwriter';
import type {
  AnalysisRunInfo,
  ExperimentInfo,
  ImageInfo,
  JobInfo,
  ReplicaSetInfo,
  RolloutInfo,
} from './types';

/** Options of `renderRolloutTree`. */
export interface RenderOptions {
  /**
   * Wrap icons, role tags and some names in ANSI colour sequences, as the plugin does on a
   * terminal. When false the output is what `--no-color` prints.
   */
  readonly color: boolean;
}

/** Kind glyphs of the tree's NAME column. */
export const KIND_ICON = {
  rollout: '⟳',
  revision: '#',
  replicaSet: '⧉',
  pod: '□',
  job: '⊞',
  experiment: 'Σ',
  analysisRun: 'α',
} as const;

/** SGR foreground codes the plugin uses. */
export const ANSI_COLOR = {
  red: 31,
  green: 32,
  yellow: 33,
  hiBlue: 94,
} as const;

/** Colour by icon, role tag or analysis phase; anything else gets code 0 (plain). */
const COLOR_BY_WORD: Readonly<Record<string, number>> = {
  [ICON.waiting]: ANSI_COLOR.yellow,
  [ICON.progressing]: ANSI_COLOR.hiBlue,
  [ICON.warning]: ANSI_COLOR.red,
  [ICON.unknown]: ANSI_COLOR.yellow,
  [ICON.ok]: ANSI_COLOR.green,
  [ICON.bad]: ANSI_COLOR.red,
  [INFO_TAG.canary]: ANSI_COLOR.yellow,
  [INFO_TAG.stable]: ANSI_COLOR.green,
  [INFO_TAG.active]: ANSI_COLOR.green,
  [INFO_TAG.preview]: ANSI_COLOR.hiBlue,
  [INFO_TAG.ping]: ANSI_COLOR.hiBlue,
  [INFO_TAG.pong]: ANSI_COLOR.hiBlue,
  Pending: ANSI_COLOR.hiBlue,
  Running: ANSI_COLOR.hiBlue,
};

/** Header labels are left-aligned in a field this wide (Go's `%-17s`). */
const LABEL_WIDTH = 17;

class Printer {
  constructor(private readonly color: boolean) {}

  /**
   * Wraps `s` in the colour looked up for `word`. Words without a colour still get the
   * `ESC[0m…ESC[0m` wrapping, exactly as the plugin emits them.
   */
  colorizeAs(s: string, word: string): string {
    if (!this.color) return s;
    return `\x1b[${COLOR_BY_WORD[word] ?? 0}m${s}\x1b[0m`;
  }

  colorize(s: string): string {
    return this.colorizeAs(s, s);
  }

  field(label: string, value: string | number): string {
    return `${label.padEnd(LABEL_WIDTH)}${value}\n`;
  }

  image(image: ImageInfo): string {
    if (image.tags.length === 0) return image.image;
    return `${image.image} (${image.tags.map((t) => this.colorize(t)).join(', ')})`;
  }

  row(
    prefix: string,
    icon: string,
    name: string,
    kind: string,
    status: string,
    age: string,
    info: string,
  ): string {
    return `${prefix}${icon} ${name}\t${kind}\t${status}\t${age}\t${info}\n`;
  }

  replicaSet(rs: ReplicaSetInfo, prefix: string, subPrefix: string): string {
    const infoCols: string[] = [];
    let name = rs.objectMeta.name;
    const tag = (t: string): void => {
      infoCols.push(this.colorize(t));
      name = this.colorizeAs(name, t);
    };
    if (rs.stable) tag(INFO_TAG.stable);
    if (rs.canary) tag(INFO_TAG.canary);
    else if (rs.active) tag(INFO_TAG.active);
    else if (rs.preview) tag(INFO_TAG.preview);
    if (rs.ping) tag(INFO_TAG.ping);
    if (rs.pong) tag(INFO_TAG.pong);
    if (rs.scaleDownDeadline !== '') infoCols.push(`delay:${rs.scaleDownDelay}`);

    const status = `${this.colorize(rs.icon)} ${rs.status}`;
    let out = this.row(
      prefix,
      KIND_ICON.replicaSet,
      name,
      'ReplicaSet',
      status,
      rs.age,
      infoCols.join(','),
    );
    rs.pods.forEach((pod, i) => {
      const [podPrefix] = branch(i === rs.pods.length - 1, subPrefix);
      const podCols = [`ready:${pod.ready}`];
      if (pod.restarts > 0) podCols.push(`restarts:${pod.restarts}`);
      const podStatus = `${this.colorize(pod.icon)} ${pod.status}`;
      out += this.row(
        podPrefix,
        KIND_ICON.pod,
        pod.objectMeta.name,
        'Pod',
        podStatus,
        pod.age,
        podCols.join(','),
      );
    });
    return out;
  }

  analysisRun(run: AnalysisRunInfo, prefix: string, subPrefix: string): string {
    const name = this.colorizeAs(run.objectMeta.name, run.status);
    const infoCols: string[] = [];
    if (run.successful > 0) infoCols.push(`${this.colorize(ICON.ok)} ${run.successful}`);
    if (run.failed > 0) infoCols.push(`${this.colorize(ICON.bad)} ${run.failed}`);
    if (run.inconclusive > 0) infoCols.push(`${this.colorize(ICON.unknown)} ${run.inconclusive}`);
    if (run.error > 0) infoCols.push(`${this.colorize(ICON.warning)} ${run.error}`);
    const status = `${this.colorize(run.icon)} ${run.status}`;
    let out = this.row(
      prefix,
      KIND_ICON.analysisRun,
      name,
      'AnalysisRun',
      status,
      run.age,
      infoCols.join(','),
    );
    run.jobs.forEach((job, i) => {
      const [jobPrefix] = branch(i === run.jobs.length - 1, subPrefix);
      out += this.job(job, jobPrefix);
    });
    return out;
  }

  job(job: JobInfo, prefix: string): string {
    const name = this.colorizeAs(job.objectMeta.name, job.status);
    const status = `${this.colorize(job.icon)} ${job.status}`;
    return this.row(prefix, KIND_ICON.job, name, 'Job', status, job.age, '');
  }

  experiment(exp: ExperimentInfo, prefix: string, subPrefix: string): string {
    const name = this.colorizeAs(exp.objectMeta.name, exp.status);
    const status = `${this.colorize(exp.icon)} ${exp.status}`;
    let out = this.row(prefix, KIND_ICON.experiment, name, 'Experiment', status, exp.age, '');
    const total = exp.replicaSets.length + exp.analysisRuns.length;
    let curr = 0;
    for (const rs of exp.replicaSets) {
      out += this.replicaSet(rs, ...branch(curr++ === total - 1, subPrefix));
    }
    for (const run of exp.analysisRuns) {
      out += this.analysisRun(run, ...branch(curr++ === total - 1, subPrefix));
    }
    return out;
  }

  revision(info: RolloutInfo, revision: number, prefix: string, subPrefix: string): string {
    let out = `${prefix}${KIND_ICON.revision} revision:${revision}\t\t \t\t\n`;
    const replicaSets = info.replicaSets.filter((rs) => rs.revision === revision);
    const experiments = info.experiments.filter((e) => e.revision === revision);
    const runs = info.analysisRuns.filter((r) => r.revision === revision);
    const total = replicaSets.length + experiments.length + runs.length;
    let curr = 0;
    for (const rs of replicaSets)
      out += this.replicaSet(rs, ...branch(curr++ === total - 1, subPrefix));
    for (const exp of experiments)
      out += this.experiment(exp, ...branch(curr++ === total - 1, subPrefix));
    for (const run of runs)
      out += this.analysisRun(run, ...branch(curr++ === total - 1, subPrefix));
    return out;
  }
}

/** The branch glyphs for a child and the prefix its own children continue with. */
function branch(isLast: boolean, subPrefix: string): [string, string] {
  return isLast ? [`${subPrefix}└──`, `${subPrefix}   `] : [`${subPrefix}├──`, `${subPrefix}│  `];
}

/**
 * `renderRolloutTree` returns, byte for byte, what `kubectl argo rollouts get rollout NAME`
 * prints for `info` (with `--no-color` when `options.color` is false): the header block (labels in
 * a 17-column field; Step/SetWeight/ActualWeight for canaries; one line per running image with its
 * role tags), a blank line, then the `NAME KIND STATUS AGE INFO` tree aligned by tabwriter rules
 * (2 columns of padding) with revisions newest first. Rows whose INFO is empty end in spaces, as
 * the plugin's do.
 */
export function renderRolloutTree(info: RolloutInfo, options: RenderOptions): string {
  const p = new Printer(options.color);
  let header = '';
  header += p.field('Name:', info.objectMeta.name);
  header += p.field('Namespace:', info.objectMeta.namespace ?? '');
  header += p.field('Status:', `${p.colorize(info.icon)} ${info.status}`);
  if (info.message !== '') header += p.field('Message:', info.message);
  header += p.field('Strategy:', info.strategy);
  if (info.strategy === 'Canary') {
    header += p.field('  Step:', info.step);
    header += p.field('  SetWeight:', info.setWeight);
    header += p.field('  ActualWeight:', info.actualWeight);
  }
  rolloutImages(info).forEach((image, i) => {
    header += p.field(i === 0 ? 'Images:' : '', p.image(image));
  });
  header += 'Replicas:\n';
  header += p.field('  Desired:', info.desired);
  header += p.field('  Current:', info.current);
  header += p.field('  Updated:', info.updated);
  header += p.field('  Ready:', info.ready);
  header += p.field('  Available:', info.available);
  header += '\n';

  let table = 'NAME\tKIND\tSTATUS\tAGE\tINFO\n';
  const status = `${p.colorize(info.icon)} ${info.status}`;
  table += p.row('', KIND_ICON.rollout, info.objectMeta.name, 'Rollout', status, info.age, '');
  const revisions = rolloutRevisions(info);
  revisions.forEach((revision, i) => {
    table += p.revision(info, revision, ...branch(i === revisions.length - 1, ''));
  });
  return header + alignTabs(table, { minWidth: 0, padding: 2, padChar: ' ' });
}
