/**
 * Korean catalogue for a workshop audience. Argo and Kubernetes terms (Rollout, ReplicaSet,
 * Promote, canary, pod, phases and reasons) stay in English, as Korean Argo docs keep them.
 * Rule: `satisfies Catalogue` makes a missing or extra key a type error, and the check at the end
 * makes a key whose `{placeholders}` differ from English a type error too.
 */
import type { Catalogue, MessageKey } from './en';
import type { en } from './en';

export const ko = {
  // Page chrome
  'app.title': 'Rollout Lab',
  'app.tagline':
    'Argo Rollouts 샌드박스: 모든 pod, 가중치, 메시지를 컨트롤러가 만드는 그대로 보여 줍니다.',
  'app.scenario': '시나리오',
  'app.reload': '시나리오 다시 시작',
  'app.about': '이 시나리오에 대해',
  'app.loading': '시나리오를 불러오는 중…',
  'app.noScenario': '실행 중인 시나리오가 없습니다. 위에서 하나를 고르세요.',

  // Actions (button names are Argo's dashboard names; keep them exact)
  'action.promote': 'Promote',
  'action.promoteFull': 'Promote-Full',
  'action.abort': 'Abort',
  'action.retry': 'Retry',
  'action.restart': 'Restart',
  'action.pause': 'Pause',
  'action.resume': 'Resume',
  'action.setImage': '이미지 변경',
  'action.undo': 'Undo',
  'action.undoTarget': '되돌릴 대상',
  'action.undoPrevious': '이전 revision',
  'action.undoRevision': 'revision {revision} ({image})',
  'faults.title': '장애 주입',
  'faults.hint': '지금부터 각 버전이 어떻게 동작할지 정합니다 (rollouts-demo의 슬라이더처럼).',
  'faults.errorRate': '{image}의 오류율',
  'faults.latency': '{image}의 지연 시간',
  'faults.errorRateValue': '오류 {value} %',
  'faults.latencyValue': '{value} ms',
  'action.image': '이미지',
  'action.currentImage': '{image} (실행 중)',
  'action.group': 'Rollout 동작',
  'action.dismiss': '닫기',
  'action.refused': '클러스터가 거부했습니다: {message}',
  'action.hint.promote': '다음 단계로 넘어갑니다(또는 현재 pause를 끝냅니다).',
  'action.hint.promoteFull': '남은 단계와 pause를 모두 건너뜁니다.',
  'action.hint.abort': '업데이트를 중단합니다. 모든 것이 stable 버전으로 돌아갑니다.',
  'action.hint.retry': '중단된 업데이트를 첫 단계부터 다시 시도합니다.',
  'action.hint.restart': '모든 pod를 하나씩 교체합니다.',
  'action.hint.pause': 'spec.paused를 설정합니다. 컨트롤러가 진행을 멈춥니다.',
  'action.hint.resume': 'spec.paused를 해제합니다.',
  'action.hint.setImage': '컨테이너 이미지를 바꿉니다. 새 revision이 시작됩니다.',
  'action.hint.undo': '이전 revision으로 롤백합니다.',

  // Clock
  'clock.group': '시계',
  'clock.play': '재생',
  'clock.stop': '시계 멈춤',
  'clock.next': '다음 이벤트',
  'clock.speed': '속도',
  'clock.speedOption': '{speed}×',
  'clock.timeline': '타임라인',
  'clock.timelineValue': 't = {time}, 프레임 {frames}개 중 {frame}번째',
  'clock.now': 't = {time}',
  'clock.live': '실시간',
  'clock.replay': '다시 보기',
  'clock.backToLive': '실시간으로 돌아가기',
  'clock.idle': '저절로 일어날 일이 더 없습니다.',
  'clock.autoplay': '스크립트 자동 실행',

  // Suggestion
  'next.label': '다음',
  'next.action': '다음: {verb} 누르기',
  'next.actionImage': '다음: 이미지를 `{image}`(으)로 변경',
  'next.notPossible':
    '(지금은 {verb}을(를) 할 수 없습니다. Rollout이 스크립트의 경로를 벗어났습니다.)',
  'next.time': '다음: 재생이나 다음 이벤트를 눌러 시간을 흘려보내세요',
  'next.done': '스크립트가 끝났습니다. 이미지 변경, Abort, Undo 등을 자유롭게 해 보세요.',
  'next.failed': '스크립트가 {step}단계에서 멈췄습니다: {message}',

  // Status
  'status.region': 'Rollout 상태',
  'status.strategy': '전략',
  'status.step': 'Step',
  'status.setWeight': 'SetWeight',
  'status.actualWeight': 'ActualWeight',
  'status.images': '이미지',
  'status.replicas': '레플리카',
  'status.replicasValue': '{desired}개 중 {ready}개 준비, {updated}개 업데이트됨',
  'status.message': '메시지',
  'status.waitingFor': '기다리는 것',

  // Waiting for
  'waiting.noRollout': '이 시나리오에는 Rollout이 없습니다.',
  'waiting.userPaused': '직접 일시 정지했습니다(`spec.paused: true`). Resume을 누르세요.',
  'waiting.healthy': '없음: Rollout이 Healthy이고 promote가 모두 끝났습니다.',
  'waiting.aborted':
    '중단됨: stable 버전이 다시 모든 트래픽을 받습니다. revision {revision}을(를) 다시 시도하려면 Retry를 누르거나 다른 이미지를 설정하세요.',
  'waiting.degraded': 'Degraded: {message}. 정상 동작하는 이미지를 설정하거나 Undo를 누르세요.',
  'waiting.bgAuto':
    '일시 정지: preview가 준비되었습니다. {seconds}초 뒤 자동으로 promote됩니다(또는 Promote를 누르세요).',
  'waiting.bgManual': '일시 정지: preview가 준비되어 Promote를 기다립니다.',
  'waiting.pauseTimed':
    '일시 정지: {step}단계는 `{code}`입니다. {seconds}초 뒤 저절로 진행됩니다(또는 Promote를 누르세요).',
  'waiting.pauseIndefinite': '일시 정지: {step}단계는 `{code}`이며 Promote를 기다립니다.',
  'waiting.paused': '일시 정지: {message}',
  'waiting.failingPods': '진행 중이지만 revision {revision}의 pod가 실패하고 있습니다: {message}',
  'waiting.pods': '진행 중: revision {revision}의 pod가 준비되기를 기다립니다({ready}/{desired}).',
  'waiting.terminating': '진행 중: 이전 pod {count}개가 종료되는 중입니다.',
  'waiting.progressing': '진행 중: {message}',

  // Pods
  'pods.title': 'Pod',
  'pods.revision': 'Revision {revision}',
  'pods.ready': '{desired}개 중 {available}개 사용 가능',
  'pods.scaleDown': '{seconds}초 뒤 축소',
  'pods.noPods': 'pod 없음',
  'pods.pod': '{name}: {status}, 준비 {ready}, 이미지 {image}',
  'pods.legend': '색은 이미지를, 표시는 상태를 나타냅니다.',
  'role.stable': 'stable',
  'role.canary': 'canary',
  'role.active': 'active',
  'role.preview': 'preview',
  'role.old': '이전',
  'state.pending': 'Pending',
  'state.creating': '생성 중',
  'state.notready': '준비 안 됨',
  'state.ready': '준비됨',
  'state.terminating': '종료 중',
  'state.crashloop': 'CrashLoopBackOff',
  'state.imagepull': '이미지 pull 실패',
  'state.failed': '실패',
  'state.completed': '완료',
  'state.unknown': '알 수 없음',
  'short.pending': '대기',
  'short.creating': '생성 중',
  'short.notready': '미준비',
  'short.ready': '준비',
  'short.terminating': '종료 중',
  'short.crashloop': '크래시',
  'short.imagepull': 'pull 오류',
  'short.failed': '실패',
  'short.completed': '완료',
  'short.unknown': '?',

  // Traffic
  'traffic.title': '트래픽',
  'traffic.mode.pods':
    '트래픽 라우터가 없습니다. 요청이 준비된 pod에 고르게 퍼지므로 비율은 pod 수의 비율입니다.',
  'traffic.mode.router': '트래픽 라우터의 가중치가 비율을 정합니다.',
  'traffic.mode.activeService': 'Blue-green: active 서비스가 운영 트래픽을 모두 받습니다.',
  'traffic.mode.none': '준비된 pod가 없어 아무도 트래픽을 처리하지 않습니다.',
  'traffic.slice': '{share}% {version}',
  'traffic.sliceRole': '{share}% {version} ({role})',
  'traffic.desired': 'SetWeight {weight}% (목표)',
  'traffic.actual': 'ActualWeight {weight}% (관측)',
  'traffic.preview': 'Preview 서비스: {version} (revision {revision}), 테스트 전용',
  'traffic.chart': '버전별 트래픽 비율',

  // Steps
  'steps.title': '단계',
  'steps.none': '이 Rollout에는 단계(steps)가 없습니다.',
  'steps.complete': '완료',
  'steps.current': '현재',
  'steps.pending': '대기',
  'steps.left': '{seconds}초 남음',
  'steps.waitsForPromote': 'Promote 대기',
  'bg.preview': 'preview ReplicaSet(revision {revision})을 전체 크기로 띄우기',
  'bg.waitAuto': '일시 정지: {seconds}초 뒤 자동 promote',
  'bg.waitNone': 'preview가 준비되는 즉시 promote',
  'bg.waitManual': 'Promote할 때까지 일시 정지',
  'bg.switch': 'active 서비스를 새 버전으로 전환',
  'bg.scaleDown': '{seconds}초 뒤 이전 버전 축소',

  // Why log
  'why.title': '왜?',
  'why.empty': '아직 아무 일도 일어나지 않았습니다.',
  'why.raw': '{reason}: {message}',
  'why.newReplicaSet':
    'revision {revision}용 ReplicaSet {rs}을(를) 만들었습니다. pod 템플릿이 바뀌었으니 새 버전입니다.',
  'why.updateStarted': 'revision {revision}(으)로 업데이트를 시작했습니다.',
  'why.initialDeploy':
    '최초 배포: revision {revision}이(가) 곧바로 stable이 됩니다(최초 배포에는 단계가 없습니다).',
  'why.completed': '이제 revision {revision}이(가) stable입니다. 모든 단계를 마쳤습니다.',
  'why.canary.up':
    'setWeight {weight}이므로 레플리카 {replicas}개 기준으로 canary를 {to}개로 늘렸습니다.',
  'why.stable.down':
    'canary와 stable을 합쳐 {replicas}개를 유지하도록 stable을 {to}개로 줄였습니다.',
  'why.abort.up.stable': 'Rollout이 중단되어 stable을 {to}개로 늘렸습니다.',
  'why.abort.down.stable': 'stable을 {to}개로 줄였습니다.',
  'why.abort.down.canary': 'Rollout이 중단되어 canary를 {to}개로 줄였습니다.',
  'why.abort.up.canary': 'canary를 {to}개로 늘렸습니다.',
  'why.preview.up':
    'preview를 {to}개로 늘렸습니다. 새 버전은 트래픽을 받기 전에 전체 크기로 실행됩니다.',
  'why.old.down':
    '이전 revision {revision}을(를) {to}개로 줄였습니다. 더 이상 이쪽으로 가는 트래픽이 없습니다.',
  'why.scale.up': 'revision {revision}을(를) {from}개에서 {to}개로 늘렸습니다.',
  'why.scale.down': 'revision {revision}을(를) {from}개에서 {to}개로 줄였습니다.',
  'why.stepCompleted': '{step}단계 완료(`{code}`).',
  'why.paused.indefinite':
    '{step}단계(`{code}`)에서 일시 정지했습니다. 누군가 Promote를 누를 때까지 기다립니다.',
  'why.paused.timed': '{step}단계에서 {seconds}초 동안 일시 정지합니다. 그 뒤 저절로 진행됩니다.',
  'why.paused.blueGreen':
    '트래픽을 전환하기 전에 일시 정지했습니다. preview를 테스트한 뒤 promote하세요.',
  'why.paused.other': '일시 정지: {message}',
  'why.resumed': '다시 진행합니다.',
  'why.aborted': '중단됨({message}): 트래픽과 pod가 stable 버전으로 돌아갑니다.',
  'why.retry': '중단된 업데이트를 다시 시도합니다.',
  'why.switch.active':
    'active 서비스 {service}이(가) 이제 pod {hash}을(를) 선택합니다. 운영 트래픽이 그쪽으로 갑니다.',
  'why.switch.preview':
    'preview 서비스 {service}이(가) 이제 pod {hash}을(를) 선택합니다. promote 전에 테스트하기 위한 것입니다.',
  'why.switch.canary': 'canary 서비스 {service}이(가) 이제 pod {hash}을(를) 선택합니다.',
  'why.switch.stable': 'stable 서비스 {service}이(가) 이제 pod {hash}을(를) 선택합니다.',
  'why.switch.other': '서비스 {service}이(가) 이제 pod {hash}을(를) 선택합니다.',
  'why.weight.change': '라우터가 이제 canary로 {to}%를 보냅니다(이전 {from}%).',
  'why.weight.set': '라우터가 canary로 {weight}%를 보냅니다.',
  'why.weight.same': '라우터 가중치를 다시 기록했습니다(canary {weight}%).',
  'why.actionRefused': '{verb}을(를) 눌렀지만 거부되었습니다: {message}',
  'why.action.setImage': '이미지를 바꿨습니다({message}).',
  'why.action.updateSpec': 'spec이 바뀌었습니다({message}).',
  'why.action.promote': 'Promote를 눌렀습니다.',
  'why.action.promoteFull': 'Promote-Full을 눌렀습니다. 남은 단계를 모두 건너뜁니다.',
  'why.action.abort': 'Abort를 눌렀습니다.',
  'why.action.retry': 'Retry를 눌렀습니다.',
  'why.action.pause': 'Pause를 눌렀습니다(`spec.paused: true`).',
  'why.action.resume': 'Resume을 눌렀습니다.',
  'why.action.restart': 'Restart를 눌렀습니다. pod가 하나씩 교체됩니다.',
  'why.action.undo': 'Undo를 눌렀습니다({message}).',
  'why.action.scale': '레플리카 수가 바뀌었습니다({message}).',
  'why.phase.Progressing': 'Phase → Progressing.',
  'why.phase.Paused': 'Phase → Paused.',
  'why.phase.Healthy': 'Phase → Healthy.',
  'why.phase.Degraded': 'Phase → Degraded.',

  // get rollout
  'tree.title': 'kubectl argo rollouts get rollout',

  // Error boundary
  'boundary.title': '이 화면의 일부가 실패했습니다',
  'boundary.retry': '다시 시도',

  // Load errors
  'error.title': '이 시나리오를 불러오지 못했습니다',
  'error.hint': '아래 문제를 고치거나 다른 시나리오를 고르세요. 페이지의 나머지는 계속 동작합니다.',

  // Page layout (tabs, file, lessons)
  'app.loadFile': '파일 열기…',
  'app.loadFileHint': '내 컴퓨터의 YAML 파일에서 시나리오(또는 매니페스트)를 불러옵니다',
  'app.lessons': '실습',
  'app.close': '닫기',
  'tab.list': '보기',
  'tab.dashboard': '대시보드',
  'tab.editor': '편집기',
  'tab.objects': '오브젝트',
  'tab.statechart': '상태 차트',
  'tab.analysis': '분석',
  'panel.loading': '불러오는 중…',
  'editor.title': '시나리오 YAML',
  'editor.intro':
    '시나리오를 고친 뒤 적용을 누르세요. 고친 내용으로 시뮬레이션이 시간 0부터 다시 시작합니다. 문제는 해당 줄에 표시됩니다.',
  'editor.revert': '불러온 내용으로 되돌리기',
  'editor.checking': '검사하는 중…',
  'statechart.title': 'Rollout 상태 차트',
  'statechart.intro':
    '컨트롤러는 Rollout마다 XState 머신을 하나씩 실행합니다. 클러스터에 변화가 생길 때마다 reconcile 루프가 다시 돌고, 머신은 새 phase에 해당하는 상태에 자리 잡습니다.',
  'statechart.none': '실행 중인 Rollout이 없어 보여 줄 상태 차트가 없습니다.',
  'objects.intro':
    '화면에 보이는 시점의 시뮬레이션 클러스터에 있는 모든 오브젝트를 `kubectl get -o yaml` 출력처럼 보여 줍니다.',
  'lesson.exit': '실습 나가기',
  'lesson.menuTitle': '안내 실습',
  'traffic.requests': '요청(최근 2초)',
  'analysis.title': '분석',

  // Editor, objects, statechart, lessons
  'language.label': '언어',
  'language.en': 'English',
  'language.ko': '한국어',

  'editor.label': '매니페스트 YAML 편집기',
  'editor.apply': '적용',
  'editor.applyHint': 'Ctrl+Enter 또는 ⌘+Enter로 매니페스트를 적용합니다',
  'editor.readOnly': '읽기 전용',
  'editor.issues.heading': '문제',
  'editor.issues.none': '문제가 없습니다.',
  'editor.issues.count': '문제 {count}개',
  'editor.issues.jump': '{line}행 {column}열로 이동',
  'editor.severity.error': '오류',
  'editor.severity.warning': '경고',

  'objects.heading': '오브젝트',
  'objects.picker.label': '종류별 Kubernetes 오브젝트',
  'objects.group.Rollout': 'Rollout',
  'objects.group.ReplicaSet': 'ReplicaSet',
  'objects.group.Pod': 'Pod',
  'objects.group.Service': 'Service',
  'objects.group.Traffic': 'Ingress / VirtualService / TrafficSplit',
  'objects.group.AnalysisRun': 'AnalysisRun',
  'objects.group.Other': '기타',
  'objects.yaml.label': '{kind} {name}의 YAML',
  'objects.none': '선택한 오브젝트가 없습니다.',
  'objects.empty': '클러스터에 아직 오브젝트가 없습니다.',
  'objects.tree.label': 'kubectl argo rollouts get rollout 출력',

  'statechart.label': 'Rollout 상태 차트. 현재 상태: {state}. 단계(phase): {phase}.',
  'statechart.labelNoActive': 'Rollout 상태 차트. 현재 상태 없음.',
  'statechart.anyState': '모든 상태',
  'statechart.initial': '초기 상태',
  'statechart.always': '즉시',
  'statechart.loading': '상태 차트를 배치하는 중…',
  'statechart.layoutFailed': '상태 차트를 배치하지 못했습니다: {message}',
  'statechart.states': '상태',
  'statechart.transitions': '전이',
  'statechart.transitionItem': '{event} 이벤트로 {from} → {to}',
  'statechart.selfItem': '{from}에서 {event} 이벤트를 처리하며 상태는 바뀌지 않음',
  'statechart.guarded': '{event} ({guard}일 때)',
  'statechart.stateItem': '{state} (태그: {tags})',
  'statechart.stateActive': '{state} (태그: {tags}), 현재 상태',
  'statechart.noTags': '없음',
  'statechart.last': '마지막 전이: {event} 이벤트로 {from} → {to}',
  'statechart.phaseTag': 'phase: {tag}',
  'statechart.handled': '상태를 바꾸지 않고 처리하는 이벤트',

  'lesson.label': '실습',
  'lesson.progress': '{total}단계 중 {current}단계',
  'lesson.next': '다음',
  'lesson.back': '이전',
  'lesson.finish': '마치기',
  'lesson.yourMove': '할 일: {action}',
  'lesson.waitingFor': '기다리는 조건: {condition}',
  'lesson.done': '완료 — 이 단계를 마쳤습니다.',
  'lesson.pointsAt': '볼 곳: {target}',
  'lesson.doIt': '실행: {action}',
  'lesson.choose': '실습 선택',

  'action.setImageTo': '이미지를 {image}(으)로 변경',
  'action.wait': '기다리며 지켜보기',

  'target.editor': 'YAML 편집기',
  'target.actions': '동작 버튼',
  'target.status': '상태 패널',
  'target.pods': 'pod 목록',
  'target.traffic': '트래픽 패널',
  'target.steps': '단계(steps) 패널',
  'target.tree': 'get rollout 트리',
  'target.statechart': '상태 차트',
  'target.objects': '오브젝트 패널',
  'target.why': '원인 설명 패널',

  'lesson.canary.title': 'Canary: blue에서 yellow로',
  'lesson.canary.summary':
    'Argo Rollouts 시작하기 문서의 실습입니다. blue에서 yellow로 가는 canary를 한 단계씩 따라가 보고, Promote-Full이 실제로 어떻게 동작하는지 확인합니다.',
  'lesson.canary.why.title': 'Argo Rollouts는 왜 쓰나요',
  'lesson.canary.why.body':
    'Kubernetes Deployment는 이전 pod를 새 pod로 최대한 빨리 교체하고, 중간에 멈춰서 상황을 살펴볼 수 없습니다.\n\nArgo Rollouts는 같은 일을 하는 Rollout 리소스를 추가하되, 직접 정한 단계대로 진행합니다. 새 버전에 트래픽을 조금 보내고, 멈추고, 확인한 다음 더 나아갑니다. 문제가 보이면 abort해서 모든 pod를 이전 버전으로 되돌립니다.',
  'lesson.canary.stable.title': 'blue pod 다섯 개',
  'lesson.canary.stable.body':
    'Rollout rollouts-demo는 argoproj/rollouts-demo:blue pod 다섯 개를 실행합니다. 상태는 Healthy이고 blue ReplicaSet에는 stable 표시가 붙어 있습니다.\n\n전략은 여덟 단계로 된 canary입니다. setWeight 20, 기한 없는 pause, 그다음 10초씩 pause를 두며 40, 60, 80으로 올라갑니다.',
  'lesson.canary.setImage.title': 'canary 시작하기',
  'lesson.canary.setImage.body':
    'kubectl argo rollouts set image처럼 이미지를 argoproj/rollouts-demo:yellow로 바꿔 보세요. 컨트롤러가 yellow용 새 ReplicaSet(canary)을 만들고 첫 단계인 setWeight 20을 실행합니다.',
  'lesson.canary.pause20.title': '20%에서 일시 정지: 다섯 중 yellow pod 하나',
  'lesson.canary.pause20.body':
    '여기에는 트래픽 라우터가 없으므로 가중치는 pod 수로 정해집니다. 다섯 개의 20%는 yellow pod 하나와 blue pod 넷입니다. 이제 요청 다섯 개 중 하나 정도가 yellow로 갑니다.\n\n두 번째 단계는 기간이 없는 pause: {}라서, 사람이 결정할 때까지 여기서 기다립니다(Paused, 메시지 CanaryPauseStep). 다음 단계로 가려면 Promote를 누르세요.',
  'lesson.canary.steps.title': '10초씩 멈추며 40 → 60 → 80 → 100',
  'lesson.canary.steps.body':
    'Promote로 기한 없는 pause가 끝났습니다. 남은 pause에는 duration: 10이 있으므로 컨트롤러가 스스로 다시 진행합니다. 40%(yellow pod 둘), 60%, 80%에서 각각 10초씩 머뭅니다.\n\n단계 패널을 보세요. Step 8/8이 될 때까지 단계가 차례로 완료됩니다.',
  'lesson.canary.scaledDown.title': 'blue가 축소됩니다',
  'lesson.canary.scaledDown.body':
    '마지막 단계가 끝나면 yellow ReplicaSet이 stable이 되어 pod 다섯 개를 모두 갖습니다. blue ReplicaSet은 0으로 축소됩니다(트리에서 ScaledDown). 트래픽 라우터가 없으므로 scale-down 지연도 없습니다.',
  'lesson.canary.again.title': 'Promote일까, Promote-Full일까?',
  'lesson.canary.again.body':
    '툴바에는 버튼이 두 개 있습니다. Promote는 현재 pause를 끝내고 다음 단계로 갑니다. Promote-Full은 곧바로 끝으로 건너뜁니다.\n\n시작하기 문서에는 full promote를 해도 40 → 60 → 80 → 100을 거친다고 쓰여 있습니다. 실제 컨트롤러는 그렇지 않습니다. status.promoteFull을 설정하고 남은 단계와 pause를 모두 건너뜁니다. 직접 해 봅시다. 이미지를 다시 blue로 바꿔 새 canary를 시작하고 20% pause까지 기다리세요.',
  'lesson.canary.full.title': 'Promote-Full을 누르고 지켜보기',
  'lesson.canary.full.body':
    '이제 Promote-Full을 누르세요. canary가 20%에서 단번에 100%로 갑니다. 40%, 60%, 80%도, 10초 pause도 없이 단계 패널이 곧바로 8/8이 됩니다.\n\n이것이 차이입니다. Promote는 단계를 하나씩 밟고, Promote-Full은 단계를 건너뜁니다.',
  'lesson.canary.recap.title': '정리',
  'lesson.canary.recap.body':
    '이미지를 바꾸고, canary가 pod 다섯 중 하나인 20%에서 멈추는 것을 보고, Promote로 시간이 정해진 단계를 거쳐 보냈습니다. 그리고 Promote-Full이 남은 단계를 통째로 건너뛰는 것도 확인했습니다.\n\n다음에는 pause 중에 Abort를 눌러 모든 pod가 stable 버전으로 돌아가는 것을 확인해 보세요.',

  'lesson.bluegreen.title': 'preview 서비스가 있는 blue-green',
  'lesson.bluegreen.summary':
    '두 벌의 전체 스택, 테스트용 preview 서비스, active 서비스 전환, 자동 promote, 그리고 scale-down 지연을 살펴봅니다.',
  'lesson.bluegreen.idea.title': '스택 두 벌, 서비스 두 개',
  'lesson.bluegreen.idea.body':
    'blue-green은 이전 버전과 새 버전을 전체 크기로 나란히 실행합니다. 사용자는 active 서비스로 Rollout에 접근하고, 테스트하는 사람은 preview 서비스로 새 버전에 접근합니다.\n\n이 Rollout bg-demo는 blue pod 세 개를 실행합니다. 지금은 두 서비스 모두 blue를 가리킵니다.',
  'lesson.bluegreen.setImage.title': 'green 배포하기',
  'lesson.bluegreen.setImage.body':
    '이미지를 argoproj/rollouts-demo:green으로 바꾸세요. 컨트롤러가 pod 세 개짜리 green ReplicaSet을 통째로 띄우고 preview 서비스만 green을 가리키게 합니다. 사용자는 여전히 모두 blue로 갑니다.',
  'lesson.bluegreen.preview.title': 'green이 preview에 있는 채로 일시 정지',
  'lesson.bluegreen.preview.body':
    'Rollout은 메시지 BlueGreenPause와 함께 Paused 상태입니다. green은 preview 서비스 뒤에서 준비되었고, blue는 여전히 active 서비스로 요청을 받습니다.\n\nautoPromotionSeconds: 20이므로 green이 준비되고 20초 뒤에 컨트롤러가 스스로 active 서비스를 green으로 바꿉니다. 기다려도 되고, 지금 바꾸려면 Promote를 누르세요.',
  'lesson.bluegreen.switch.title': 'active 서비스가 전환됩니다',
  'lesson.bluegreen.switch.body':
    '전환은 한 번의 변경입니다. active 서비스의 selector가 green의 pod-template hash로 바뀌어 모든 트래픽이 한꺼번에 옮겨 갑니다. blue-green에는 20%나 50% 같은 중간 단계가 없습니다.',
  'lesson.bluegreen.delay.title': 'blue는 잠시 남아 있습니다',
  'lesson.bluegreen.delay.body':
    'blue는 바로 사라지지 않습니다. scaleDownDelaySeconds(기본 30초) 동안 계속 실행되므로, 빨리 롤백해야 할 때 새 pod가 필요 없고 blue에 연결된 클라이언트도 요청을 마칠 수 있습니다. 트리에서 blue ReplicaSet에 delay 태그가 보입니다.',
  'lesson.bluegreen.scaledDown.title': 'blue가 0으로 축소됨',
  'lesson.bluegreen.scaledDown.body':
    '지연 시간이 지나면 컨트롤러가 blue를 0으로 축소합니다. 이제 green이 stable이자 active이자 preview입니다.',
  'lesson.bluegreen.recap.title': '정리',
  'lesson.bluegreen.recap.body':
    '새 버전을 preview 서비스 뒤에 배포하고, autoPromotionSeconds가 active 서비스를 전환하게 두었으며, scale-down 지연 동안 이전 버전이 남아 있다가 사라지는 것을 보았습니다.',
} as const satisfies Catalogue;

/** Holes lists the `{name}` placeholders of a template literal type. */
type Holes<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Holes<R> : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Keys whose Korean text has other placeholders than the English one (never, when all agree). */
type PlaceholderMismatch = {
  [K in MessageKey]: Same<Holes<(typeof en)[K]>, Holes<(typeof ko)[K]>> extends true ? never : K;
}[MessageKey];

/** A type error here names the keys whose placeholders differ between English and Korean. */
export const PLACEHOLDERS_MATCH: [PlaceholderMismatch] extends [never]
  ? true
  : PlaceholderMismatch = true;
