package com.kis.estimator.platform.workflow;

/**
 * This process among the replicas: the name it holds Camunda's job locks under ({@code host/pid/random}, new at
 * each start). Other work that a process claims in the database (an outbound message being sent) can be claimed
 * under the same name, and is then given back with the jobs when the process is presumed dead
 * ({@link NodePresumedDead}).
 */
public interface ThisNode {

    String name();
}
