/**
 * Every user-visible string of the request visualiser, in English and Korean, keyed `flow.*` so
 * they can be merged into the app catalogue (src/ui/i18n) as they are.
 * Rule: components ask `flowT(lang)`; no string literal is shown to users from the component.
 */
import { format, type Lang, type Vars } from '../i18n';

export const flowEn = {
  'flow.title': 'Requests',
  'flow.note':
    'Each dot is a sampled request going from users through the Service to the pods of one version, coloured by image; ✕ is an HTTP 5xx.',
  'flow.users': 'Users',
  'flow.router': 'Service / router',
  'flow.summary': 'last {seconds} s: {count} requests, {shares}, {errors}',
  'flow.summary.empty': 'last {seconds} s: no requests',
  'flow.share': '{percent} % {version}',
  'flow.errors.none': 'no errors',
  'flow.errors.one': '1 error',
  'flow.errors.many': '{count} errors',
  'flow.weight': '{weight} % of traffic',
  'flow.role.stable': 'stable',
  'flow.role.canary': 'canary',
  'flow.role.active': 'active',
  'flow.role.preview': 'preview',
  'flow.role.other': 'old',
  'flow.destination': '{label} ({role}): {weight}',
  'flow.served': '{count} served',
  'flow.served.errors': '{count} served, {errors} ✕',
  'flow.bar': 'Share of the requests of the last {seconds} s by version',
  'flow.bar.errors': 'errors',
  'flow.static': 'Motion is reduced: the request counts of the last {seconds} s.',
  'flow.sampled':
    'Particles are a sample of the simulated traffic; shares are of the sampled requests.',
  'flow.mirrored': '◯ {count} mirrored copies (their answers reach no user)',
} as const;

export type FlowKey = keyof typeof flowEn;

export const flowKo = {
  'flow.title': '요청 흐름',
  'flow.note':
    '점 하나가 샘플링된 요청 하나입니다. 사용자에게서 Service를 거쳐 한 버전의 pod로 가며, 이미지별 색으로 그립니다. ✕는 HTTP 5xx 응답입니다.',
  'flow.users': '사용자',
  'flow.router': 'Service / 라우터',
  'flow.summary': '최근 {seconds}초: 요청 {count}개, {shares}, {errors}',
  'flow.summary.empty': '최근 {seconds}초: 요청 없음',
  'flow.share': '{version} {percent}%',
  'flow.errors.none': '오류 없음',
  'flow.errors.one': '오류 1개',
  'flow.errors.many': '오류 {count}개',
  'flow.weight': '트래픽의 {weight}%',
  'flow.role.stable': 'stable',
  'flow.role.canary': 'canary',
  'flow.role.active': 'active',
  'flow.role.preview': 'preview',
  'flow.role.other': '이전 버전',
  'flow.destination': '{label} ({role}): {weight}',
  'flow.served': '{count}개 처리',
  'flow.served.errors': '{count}개 처리, ✕ {errors}개',
  'flow.bar': '최근 {seconds}초 동안 버전별 요청 비율',
  'flow.bar.errors': '오류',
  'flow.static': '움직임 줄이기 설정이 켜져 있어, 최근 {seconds}초의 요청 수만 보여 줍니다.',
  'flow.sampled': '점은 시뮬레이션 트래픽의 일부 샘플이며, 비율도 샘플링된 요청 기준입니다.',
  'flow.mirrored': '◯ 미러링된 복사본 {count}개 (응답은 사용자에게 가지 않음)',
} satisfies Record<FlowKey, string>;

const CATALOGUES: Record<Lang, Record<FlowKey, string>> = { en: flowEn, ko: flowKo };

/** flowT returns the lookup for `lang` (English for anything else). */
export function flowT(lang: Lang): (key: FlowKey, vars?: Vars) => string {
  const catalogue = CATALOGUES[lang] ?? flowEn;
  return (key, vars) => format(catalogue[key] ?? flowEn[key], vars);
}
