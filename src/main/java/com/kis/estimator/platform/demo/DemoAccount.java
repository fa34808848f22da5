package com.kis.estimator.platform.demo;

import java.util.List;

/**
 * A demo user of the embedded default. Groups are named like the roles; the password is the user name, which
 * is why {@link ProdDemoGuard} refuses to run production with any of them.
 */
record DemoAccount(String id, String lastName, String firstName, List<String> groups) {

    static final String CAMUNDA_ADMIN = "camunda-admin";

    static final List<String> ROLES = List.of("sales", "approver", "manager", "director", "ops", "analyst", "admin");

    /** Sales teams: a sales person sees the estimates of its own team (groups named team-…). */
    static final List<String> TEAMS = List.of("team-seoul", "team-busan");

    static final List<DemoAccount> ALL = List.of(
            new DemoAccount("sales1", "김", "영업", List.of("sales", "team-seoul")),
            new DemoAccount("sales2", "이", "영업", List.of("sales", "team-busan")),
            new DemoAccount("approver1", "박", "승인", List.of("approver")),
            new DemoAccount("manager1", "최", "팀장", List.of("manager")),
            new DemoAccount("director1", "정", "이사", List.of("director")),
            new DemoAccount("ops1", "강", "운영", List.of("ops")),
            new DemoAccount("analyst1", "조", "분석", List.of("analyst")),
            new DemoAccount("admin", "윤", "관리", List.of("admin", CAMUNDA_ADMIN)));

    String password() {
        return id;
    }
}
