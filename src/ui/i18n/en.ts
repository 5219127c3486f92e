/**
 * The English catalogue: every string the page shows, keyed. Templates interpolate `{name}`;
 * in the sandbox panels `code` spans use backticks and **bold** marks emphasis. Argo's own
 * vocabulary (phases, reasons, SetWeight) stays untranslated. Rule: `ko.ts` has exactly these keys
 * and the same `{placeholders}` per key (type-checked in ko.ts), so a gap fails the typecheck.
 */
export const en = {
  // Page chrome
  'app.title': 'Rollout Lab',
  'app.tagline':
    'An Argo Rollouts sandbox: every pod, weight and message as the controller makes them.',
  'app.scenario': 'Scenario',
  'app.reload': 'Reload scenario',
  'app.about': 'About this scenario',
  'app.loading': 'Loading the scenario…',
  'app.noScenario': 'No scenario is running. Pick one above.',

  // Actions (button names are Argo's dashboard names; keep them exact)
  'action.promote': 'Promote',
  'action.promoteFull': 'Promote-Full',
  'action.abort': 'Abort',
  'action.retry': 'Retry',
  'action.restart': 'Restart',
  'action.pause': 'Pause',
  'action.resume': 'Resume',
  'action.setImage': 'Set image',
  'action.undo': 'Undo',
  'action.undoTarget': 'Undo to',
  'action.undoPrevious': 'previous revision',
  'action.undoRevision': 'revision {revision} ({image})',
  'faults.title': 'Faults',
  'faults.hint': 'How each version behaves from now on, like the sliders of rollouts-demo.',
  'faults.errorRate': 'Error rate of {image}',
  'faults.latency': 'Latency of {image}',
  'faults.errorRateValue': '{value} % errors',
  'faults.latencyValue': '{value} ms',
  'action.image': 'Image',
  'action.currentImage': '{image} (running)',
  'action.group': 'Rollout actions',
  'action.dismiss': 'Dismiss',
  'action.refused': 'The cluster refused: {message}',
  'action.hint.promote': 'Go to the next step (or end the current pause).',
  'action.hint.promoteFull': 'Skip every remaining step and pause.',
  'action.hint.abort': 'Stop the update: everything goes back to the stable version.',
  'action.hint.retry': 'Try the aborted update again from the first step.',
  'action.hint.restart': 'Replace every pod, one at a time.',
  'action.hint.pause': 'Set spec.paused: the controller stops moving.',
  'action.hint.resume': 'Clear spec.paused.',
  'action.hint.setImage': 'Change the container image: a new revision starts.',
  'action.hint.undo': 'Roll back to the previous revision.',

  // Clock
  'clock.group': 'Clock',
  'clock.play': 'Play',
  'clock.stop': 'Stop clock',
  'clock.next': 'Next event',
  'clock.speed': 'Speed',
  'clock.speedOption': '{speed}×',
  'clock.timeline': 'Timeline',
  'clock.timelineValue': 't = {time}, frame {frame} of {frames}',
  'clock.now': 't = {time}',
  'clock.live': 'Live',
  'clock.replay': 'Replay',
  'clock.backToLive': 'Back to live',
  'clock.idle': 'Nothing more will happen by itself.',
  'clock.autoplay': 'Autoplay script',

  // Suggestion
  'next.label': 'Next',
  'next.action': 'next: press {verb}',
  'next.actionImage': 'next: set the image to `{image}`',
  'next.notPossible': '({verb} is not possible right now: the rollout left the script’s path.)',
  'next.time': 'next: press Play or Next event to let time run',
  'next.done': 'The script is done. Explore freely: set an image, abort, undo…',
  'next.failed': 'The script stopped at step {step}: {message}',

  // Status
  'status.region': 'Rollout status',
  'status.strategy': 'Strategy',
  'status.step': 'Step',
  'status.setWeight': 'SetWeight',
  'status.actualWeight': 'ActualWeight',
  'status.images': 'Images',
  'status.replicas': 'Replicas',
  'status.replicasValue': '{ready}/{desired} ready, {updated} updated',
  'status.message': 'Message',
  'status.waitingFor': 'Waiting for',

  // Waiting for
  'waiting.noRollout': 'There is no Rollout in this scenario.',
  'waiting.userPaused': 'Paused by you (`spec.paused: true`): press Resume.',
  'waiting.healthy': 'Nothing: the rollout is Healthy and fully promoted.',
  'waiting.aborted':
    'Aborted: the stable version serves everything again. Press Retry to try revision {revision} again, or set another image.',
  'waiting.degraded': 'Degraded: {message}. Set a working image or press Undo.',
  'waiting.bgAuto':
    'Paused: the preview is ready; it is promoted by itself in {seconds}s (or press Promote).',
  'waiting.bgManual': 'Paused: the preview is ready and waits for Promote.',
  'waiting.pauseTimed':
    'Paused: step {step} is `{code}`; it goes on by itself in {seconds}s (or press Promote).',
  'waiting.pauseIndefinite': 'Paused: step {step} is `{code}` and waits for Promote.',
  'waiting.paused': 'Paused: {message}',
  'waiting.failingPods': 'Progressing, but the pods of revision {revision} are failing: {message}',
  'waiting.pods':
    'Progressing: waiting for the pods of revision {revision} to become ready ({ready}/{desired}).',
  'waiting.terminating': 'Progressing: {count} old pods are shutting down.',
  'waiting.progressing': 'Progressing: {message}',

  // Pods
  'pods.title': 'Pods',
  'pods.revision': 'Revision {revision}',
  'pods.ready': '{available}/{desired} available',
  'pods.scaleDown': 'Scaledown in {seconds}s',
  'pods.noPods': 'no pods',
  'pods.pod': '{name}: {status}, ready {ready}, image {image}',
  'pods.legend': 'Colour is the image; the mark is the state.',
  'role.stable': 'stable',
  'role.canary': 'canary',
  'role.active': 'active',
  'role.preview': 'preview',
  'role.old': 'old',
  'state.pending': 'Pending',
  'state.creating': 'Creating',
  'state.notready': 'Not ready',
  'state.ready': 'Ready',
  'state.terminating': 'Terminating',
  'state.crashloop': 'CrashLoopBackOff',
  'state.imagepull': 'Image pull failed',
  'state.failed': 'Failed',
  'state.completed': 'Completed',
  'state.unknown': 'Unknown',
  'short.pending': 'pending',
  'short.creating': 'creating',
  'short.notready': 'not ready',
  'short.ready': 'ready',
  'short.terminating': 'stopping',
  'short.crashloop': 'crash',
  'short.imagepull': 'pull err',
  'short.failed': 'failed',
  'short.completed': 'done',
  'short.unknown': '?',

  // Traffic
  'traffic.title': 'Traffic',
  'traffic.mode.pods':
    'No traffic router: requests are spread over ready pods, so the split is the pod ratio.',
  'traffic.mode.router': 'The traffic router’s weights decide the split.',
  'traffic.mode.activeService': 'Blue-green: the active service gets all production traffic.',
  'traffic.mode.none': 'No pod is ready: nothing serves traffic.',
  'traffic.slice': '{share}% {version}',
  'traffic.sliceRole': '{share}% {version} ({role})',
  'traffic.desired': 'SetWeight {weight}% (desired)',
  'traffic.actual': 'ActualWeight {weight}% (observed)',
  'traffic.preview': 'Preview service: {version} (revision {revision}), for testing only',
  'traffic.chart': 'Traffic share per version',

  // Steps
  'steps.title': 'Steps',
  'steps.none': 'This rollout has no steps.',
  'steps.complete': 'done',
  'steps.current': 'current',
  'steps.pending': 'to do',
  'steps.left': '{seconds}s left',
  'steps.waitsForPromote': 'waits for Promote',
  'bg.preview': 'Bring up the preview ReplicaSet (revision {revision}) at full size',
  'bg.waitAuto': 'Pause: auto-promote after {seconds}s',
  'bg.waitNone': 'Promote as soon as the preview is ready',
  'bg.waitManual': 'Pause until Promote',
  'bg.switch': 'Switch the active service to the new version',
  'bg.scaleDown': 'Scale the old version down after {seconds}s',

  // Why log
  'why.title': 'Why',
  'why.empty': 'Nothing has happened yet.',
  'why.raw': '{reason}: {message}',
  'why.newReplicaSet':
    'Created ReplicaSet {rs} for revision {revision}: the pod template changed, so this is a new version.',
  'why.updateStarted': 'Started the update to revision {revision}.',
  'why.initialDeploy':
    'Initial deploy: revision {revision} becomes stable at once (no steps on a first deploy).',
  'why.completed': 'Revision {revision} is now stable: every step is done.',
  'why.canary.up': 'Scaled up canary to {to} because setWeight {weight} of {replicas} replicas.',
  'why.stable.down':
    'Scaled down stable to {to} so canary plus stable stay at {replicas} replicas.',
  'why.abort.up.stable': 'Scaled up stable to {to} because the rollout was aborted.',
  'why.abort.down.stable': 'Scaled down stable to {to}.',
  'why.abort.down.canary': 'Scaled down canary to {to} because the rollout was aborted.',
  'why.abort.up.canary': 'Scaled up canary to {to}.',
  'why.preview.up':
    'Scaled up the preview to {to}: the new version runs at full size before it gets traffic.',
  'why.old.down': 'Scaled down old revision {revision} to {to}: nothing routes to it any more.',
  'why.scale.up': 'Scaled up revision {revision} from {from} to {to}.',
  'why.scale.down': 'Scaled down revision {revision} from {from} to {to}.',
  'why.stepCompleted': 'Step {step} done (`{code}`).',
  'why.paused.indefinite':
    'Paused at step {step} (`{code}`): it waits until someone presses Promote.',
  'why.paused.timed': 'Paused at step {step} for {seconds}s; it goes on by itself.',
  'why.paused.blueGreen': 'Paused before switching traffic: test the preview, then promote.',
  'why.paused.other': 'Paused: {message}',
  'why.resumed': 'Resumed.',
  'why.aborted': 'Aborted ({message}): traffic and pods go back to the stable version.',
  'why.retry': 'Retrying the aborted update.',
  'why.switch.active':
    'The active service {service} now selects pods {hash}: production traffic goes there.',
  'why.switch.preview':
    'The preview service {service} now selects pods {hash}, for testing before promotion.',
  'why.switch.canary': 'The canary service {service} now selects pods {hash}.',
  'why.switch.stable': 'The stable service {service} now selects pods {hash}.',
  'why.switch.other': 'Service {service} now selects pods {hash}.',
  'why.weight.change': 'The router now sends {to}% to the canary (was {from}%).',
  'why.weight.set': 'The router sends {weight}% to the canary.',
  'why.weight.same': 'The router’s weights were written again ({weight}% canary).',
  'why.actionRefused': 'You pressed {verb}, but it was refused: {message}',
  'why.action.setImage': 'You changed the image ({message}).',
  'why.action.updateSpec': 'The spec changed ({message}).',
  'why.action.promote': 'You pressed Promote.',
  'why.action.promoteFull': 'You pressed Promote-Full: every remaining step is skipped.',
  'why.action.abort': 'You pressed Abort.',
  'why.action.retry': 'You pressed Retry.',
  'why.action.pause': 'You pressed Pause (`spec.paused: true`).',
  'why.action.resume': 'You pressed Resume.',
  'why.action.restart': 'You pressed Restart: pods are replaced one at a time.',
  'why.action.undo': 'You pressed Undo ({message}).',
  'why.action.scale': 'Replicas changed ({message}).',
  'why.phase.Progressing': 'Phase → Progressing.',
  'why.phase.Paused': 'Phase → Paused.',
  'why.phase.Healthy': 'Phase → Healthy.',
  'why.phase.Degraded': 'Phase → Degraded.',

  // get rollout
  'tree.title': 'kubectl argo rollouts get rollout',

  // Error boundary
  'boundary.title': 'Something in this view failed',
  'boundary.retry': 'Try again',

  // Load errors
  'error.title': 'This scenario did not load',
  'error.hint': 'Fix these problems, or pick another scenario; the rest of the page keeps working.',

  // Page layout (tabs, file, lessons)
  'app.loadFile': 'Open file…',
  'app.loadFileHint': 'Load a scenario (or plain manifests) from a YAML file on your computer',
  'app.lessons': 'Lessons',
  'app.close': 'Close',
  'tab.list': 'Views',
  'tab.dashboard': 'Dashboard',
  'tab.editor': 'Editor',
  'tab.objects': 'Objects',
  'tab.statechart': 'Statechart',
  'tab.analysis': 'Analysis',
  'panel.loading': 'Loading…',
  'editor.title': 'Scenario YAML',
  'editor.intro':
    'Edit the scenario and press Apply: the simulation restarts from time 0 with your text. Problems are marked at their line.',
  'editor.revert': 'Revert to the loaded text',
  'editor.checking': 'Checking…',
  'statechart.title': 'Rollout statechart',
  'statechart.intro':
    'The controller runs one XState machine per Rollout. Each change in the cluster re-runs the reconcile loop and the machine settles in the state of the new phase.',
  'statechart.none': 'No Rollout is running, so there is no statechart to show.',
  'objects.intro':
    'Every object in the simulated cluster at the moment on screen, as `kubectl get -o yaml` would print it.',
  'lesson.exit': 'Leave lesson',
  'lesson.menuTitle': 'Guided lessons',
  'traffic.requests': 'Requests (last 2 s)',
  'analysis.title': 'Analysis',

  // Editor, objects, statechart, lessons
  'language.label': 'Language',
  'language.en': 'English',
  'language.ko': '한국어',

  'editor.label': 'Manifest YAML editor',
  'editor.apply': 'Apply',
  'editor.applyHint': 'Ctrl+Enter or ⌘+Enter applies the manifest',
  'editor.readOnly': 'read-only',
  'editor.issues.heading': 'Problems',
  'editor.issues.none': 'No problems found.',
  'editor.issues.count': '{count} problem(s)',
  'editor.issues.jump': 'Go to line {line}, column {column}',
  'editor.severity.error': 'error',
  'editor.severity.warning': 'warning',

  'objects.heading': 'Objects',
  'objects.picker.label': 'Kubernetes objects by kind',
  'objects.group.Rollout': 'Rollout',
  'objects.group.ReplicaSet': 'ReplicaSet',
  'objects.group.Pod': 'Pod',
  'objects.group.Service': 'Service',
  'objects.group.Traffic': 'Ingress / VirtualService / TrafficSplit',
  'objects.group.AnalysisRun': 'AnalysisRun',
  'objects.group.Other': 'Other',
  'objects.yaml.label': '{kind} {name} as YAML',
  'objects.none': 'No object selected.',
  'objects.empty': 'The cluster holds no objects yet.',
  'objects.tree.label': 'kubectl argo rollouts get rollout output',

  'statechart.label': 'Rollout statechart. Active state: {state}. Phase: {phase}.',
  'statechart.labelNoActive': 'Rollout statechart. No active state.',
  'statechart.anyState': 'any state',
  'statechart.initial': 'initial',
  'statechart.always': 'always',
  'statechart.loading': 'Laying out the statechart…',
  'statechart.layoutFailed': 'The statechart could not be laid out: {message}',
  'statechart.states': 'States',
  'statechart.transitions': 'Transitions',
  'statechart.transitionItem': '{from} → {to} on {event}',
  'statechart.selfItem': '{event} is handled in {from} without changing state',
  'statechart.guarded': '{event} if {guard}',
  'statechart.stateItem': '{state} (tags: {tags})',
  'statechart.stateActive': '{state} (tags: {tags}), active',
  'statechart.noTags': 'none',
  'statechart.last': 'Last transition: {from} → {to} on {event}',
  'statechart.phaseTag': 'phase: {tag}',
  'statechart.handled': 'Handled without changing state',

  'lesson.label': 'Lesson',
  'lesson.progress': 'Step {current} of {total}',
  'lesson.next': 'Next',
  'lesson.back': 'Back',
  'lesson.finish': 'Finish',
  'lesson.yourMove': 'Your move: {action}',
  'lesson.waitingFor': 'Waiting for: {condition}',
  'lesson.done': 'Done — this step is complete.',
  'lesson.pointsAt': 'Look at: {target}',
  'lesson.doIt': 'Do it: {action}',
  'lesson.choose': 'Choose a lesson',

  'action.setImageTo': 'Set image {image}',
  'action.wait': 'Wait and watch',

  'target.editor': 'the YAML editor',
  'target.actions': 'the action buttons',
  'target.status': 'the status panel',
  'target.pods': 'the pods',
  'target.traffic': 'the traffic panel',
  'target.steps': 'the steps panel',
  'target.tree': 'the get rollout tree',
  'target.statechart': 'the statechart',
  'target.objects': 'the objects panel',
  'target.why': 'the why panel',

  'lesson.canary.title': 'Canary: blue to yellow',
  'lesson.canary.summary':
    'The Argo Rollouts getting-started walkthrough: a canary from blue to yellow, one step at a time, and what Promote-Full really does.',
  'lesson.canary.why.title': 'What Argo Rollouts is for',
  'lesson.canary.why.body':
    'A Kubernetes Deployment replaces old pods with new ones as fast as it can, and it cannot stop halfway to let you look.\n\nArgo Rollouts adds a Rollout resource that does the same job in steps you write down: send a little traffic to the new version, pause, check, then go further. If something looks wrong you abort, and every pod goes back to the old version.',
  'lesson.canary.stable.title': 'Five blue pods',
  'lesson.canary.stable.body':
    'The Rollout rollouts-demo runs five pods of argoproj/rollouts-demo:blue. Its status is Healthy and the blue ReplicaSet is marked stable.\n\nThe strategy is a canary with eight steps: setWeight 20, an indefinite pause, then 40, 60 and 80 with ten-second pauses between them.',
  'lesson.canary.setImage.title': 'Start a canary',
  'lesson.canary.setImage.body':
    'Change the image to argoproj/rollouts-demo:yellow, as kubectl argo rollouts set image does. The controller creates a new ReplicaSet for yellow, the canary, and runs the first step: setWeight 20.',
  'lesson.canary.pause20.title': 'Paused at 20%: one yellow pod of five',
  'lesson.canary.pause20.body':
    'There is no traffic router here, so the weight comes from pods: 20% of five is one yellow pod next to four blue ones. About one request in five now reaches yellow.\n\nThe second step is pause: {} with no duration, so the rollout waits here (Paused, message CanaryPauseStep) until a person decides. Press Promote to move on to the next step.',
  'lesson.canary.steps.title': '40 → 60 → 80 → 100 with ten-second pauses',
  'lesson.canary.steps.body':
    'Promote ended the indefinite pause. The remaining pauses have duration: 10, so the controller resumes by itself: 40% (two yellow pods), 60%, 80%, each held for ten seconds.\n\nWatch the steps panel: each step turns complete in order until Step 8/8.',
  'lesson.canary.scaledDown.title': 'Blue is scaled down',
  'lesson.canary.scaledDown.body':
    'After the last step the yellow ReplicaSet becomes stable and gets all five pods. The blue ReplicaSet is scaled to zero (ScaledDown in the tree). Without a traffic router there is no scale-down delay.',
  'lesson.canary.again.title': 'Promote or Promote-Full?',
  'lesson.canary.again.body':
    'The toolbar has two buttons. Promote ends the current pause and goes to the next step. Promote-Full skips straight to the end.\n\nThe getting-started walkthrough says that a full promotion still goes 40 → 60 → 80 → 100. The real controller does not: it sets status.promoteFull and skips every remaining step and pause. Try it: set the image back to blue to start a new canary and wait for the 20% pause.',
  'lesson.canary.full.title': 'Press Promote-Full and watch',
  'lesson.canary.full.body':
    'Now press Promote-Full. The canary jumps from 20% to 100% at once: there is no 40%, 60% or 80% and no ten-second pause, and the steps panel goes straight to 8/8.\n\nThat is the difference: Promote walks the steps, Promote-Full skips them.',
  'lesson.canary.recap.title': 'What you did',
  'lesson.canary.recap.body':
    'You changed an image, watched a canary pause at 20% with one pod in five, promoted it through timed steps, and saw Promote-Full skip the remaining steps entirely.\n\nNext, try Abort during a pause and see every pod go back to the stable version.',

  'lesson.bluegreen.title': 'Blue-green with a preview service',
  'lesson.bluegreen.summary':
    'Two full stacks, a preview service for testing, an active service switch, automatic promotion and the scale-down delay.',
  'lesson.bluegreen.idea.title': 'Two stacks, two services',
  'lesson.bluegreen.idea.body':
    'Blue-green keeps the old and the new version running side by side at full size. Users reach the Rollout through the active service; testers reach the new version through the preview service.\n\nThis Rollout, bg-demo, runs three blue pods. Both services point at blue for now.',
  'lesson.bluegreen.setImage.title': 'Deploy green',
  'lesson.bluegreen.setImage.body':
    'Set the image to argoproj/rollouts-demo:green. The controller brings up a full green ReplicaSet of three pods and points only the preview service at it. Every user still reaches blue.',
  'lesson.bluegreen.preview.title': 'Paused with green in preview',
  'lesson.bluegreen.preview.body':
    'The rollout is Paused with message BlueGreenPause: green is ready behind the preview service, blue still serves through the active service.\n\nautoPromotionSeconds: 20 means the controller switches the active service to green by itself twenty seconds after green is ready. You can wait, or press Promote to switch now.',
  'lesson.bluegreen.switch.title': 'The active service switches',
  'lesson.bluegreen.switch.body':
    'The switch is one change: the active service selector moves to the green pod-template hash, so all traffic moves at once. There is no 20% or 50% in blue-green.',
  'lesson.bluegreen.delay.title': 'Blue stays for a while',
  'lesson.bluegreen.delay.body':
    'Blue is not removed at once. scaleDownDelaySeconds (30 seconds by default) keeps it running so that a quick rollback needs no new pods, and so that clients still connected to blue can finish. The tree shows a delay tag on the blue ReplicaSet.',
  'lesson.bluegreen.scaledDown.title': 'Blue scaled to zero',
  'lesson.bluegreen.scaledDown.body':
    'When the delay has passed the controller scales blue to zero. Green is now stable, active and preview at once.',
  'lesson.bluegreen.recap.title': 'What you did',
  'lesson.bluegreen.recap.body':
    'You deployed a new version behind a preview service, let autoPromotionSeconds switch the active service, and watched the scale-down delay keep the old version around before it went away.',
} as const;

/** MessageKey is any key of the catalogue. */
export type MessageKey = keyof typeof en;

/** Catalogue is a complete set of messages, one per key. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
