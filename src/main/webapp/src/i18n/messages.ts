// Korean is the default; English for colleagues who read it better. Keys are the same in both, checked by the
// compiler (`satisfies`) and by messages.test.ts.
export const ko = {
  'app.title': 'KIS 견적',
  'nav.estimates': '견적',
  'nav.templates': '템플릿',
  'nav.rfqs': 'RFQ 접수',
  'nav.erp': 'ERP 동기화',
  'nav.menu': '메뉴 열기',
  'language.switch': 'English',
  'page.notYet': '이 화면은 아직 만들고 있습니다. 지금은 API(/swagger-ui.html)와 Tasklist를 사용하세요.',
  'page.notFound': '찾는 화면이 없습니다.',
  'page.loading': '불러오는 중',
  'signIn.title': '로그인',
  'signIn.username': '아이디',
  'signIn.password': '비밀번호',
  'signIn.submit': '로그인',
  'signIn.required': '입력해 주세요',
  'signIn.wrong': '아이디 또는 비밀번호가 맞지 않습니다.',
  'signIn.keycloak': 'KIS 통합 로그인(Keycloak)으로 로그인',
  'signOut': '로그아웃',
} as const;

export type MessageKey = keyof typeof ko;

export const en = {
  'app.title': 'KIS Estimator',
  'nav.estimates': 'Estimates',
  'nav.templates': 'Templates',
  'nav.rfqs': 'RFQ intake',
  'nav.erp': 'ERP sync',
  'nav.menu': 'Open the menu',
  'language.switch': '한국어',
  'page.notYet': 'This page is still being built. For now use the API (/swagger-ui.html) and Tasklist.',
  'page.notFound': 'There is no such page.',
  'page.loading': 'Loading',
  'signIn.title': 'Sign in',
  'signIn.username': 'User name',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.required': 'Required',
  'signIn.wrong': 'Wrong user name or password.',
  'signIn.keycloak': 'Sign in with KIS single sign-on (Keycloak)',
  'signOut': 'Sign out',
} satisfies Record<MessageKey, string>;

export type Language = 'ko' | 'en';

export const messages: Record<Language, Record<MessageKey, string>> = { ko, en };
