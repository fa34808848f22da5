/**
 * Redis for the whole application: the embedded server of the default profile, one client set to fail fast in
 * every profile, and {@link RedisCircuit}, through which every module's Redis command goes so that an outage
 * costs milliseconds, not a timeout per command.
 */
@org.springframework.modulith.NamedInterface("redis")
package com.kis.estimator.platform.redis;
