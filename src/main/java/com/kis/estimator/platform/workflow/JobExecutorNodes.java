package com.kis.estimator.platform.workflow;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Gives back, within seconds, the jobs a dead process had locked. Camunda locks a job to the job executor running
 * it until {@code lock-time-in-millis} has passed (5 minutes); when that process dies the job waits out the lock.
 * An approval decided just before a {@code kill -9} left its estimate SUBMITTED, decision recorded and no task
 * open, for those minutes — on the restarted node as much as on a surviving replica.
 *
 * <p>So each job executor gets a readable lock owner of its own ({@code host/pid/random}: one per start, so a
 * restart never mistakes its predecessor's locks for its own) and refreshes its row in
 * {@code shared.job_executor_nodes} every {@code heartbeat}. Every process releases the jobs of owners not seen
 * for {@code presumed-dead-after}, then forgets them. Times are the database's, so replicas' clocks do not matter.
 * The release raises each job's revision: a process that was only paused, not dead, fails Camunda's optimistic
 * lock when it finishes and its transaction rolls back, so a step still runs at most once.
 *
 * <p>Owners that never wrote a row (another engine on the same schema, an older version) are left to Camunda's
 * lock expiry.
 */
@Component
class JobExecutorNodes extends AbstractProcessEnginePlugin implements ThisNode, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobExecutorNodes.class);

    private final JobExecutorNodeProperties properties;
    private final DataSource dataSource;
    private final ObjectProvider<MeterRegistry> meters;
    private final ApplicationEventPublisher events;
    private final String host = hostName();
    private final String lockOwner = host + "/" + ProcessHandle.current().pid() + "/"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private ProcessEngineConfigurationImpl configuration;
    private ScheduledExecutorService heartbeat;
    /** Owners forgotten while the application was still starting, when no listener would have heard of them. */
    private final List<String> forgottenBeforeStart = new ArrayList<>();
    private boolean started;
    /** {@link System#nanoTime()} of the first failed beat since the last good one; 0 while the beats work. */
    private volatile long databaseLostAt;

    /** The data source as a dependency: Spring then closes it only after {@link #destroy()} has given back our locks. */
    JobExecutorNodes(JobExecutorNodeProperties properties, DataSource dataSource,
            ObjectProvider<MeterRegistry> meters, ApplicationEventPublisher events) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.meters = meters;
        this.events = events;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        JobExecutor jobExecutor = configuration.getJobExecutor();
        if (jobExecutor != null) {
            jobExecutor.setLockOwner(lockOwner);
        }
    }

    /** Before the job executor acquires its first job (it starts once the deployments are done). */
    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        // at 0 from the start: Prometheus's increase() sees nothing in a series born at 1 (alert KisProcessDied)
        meters.ifAvailable(registry -> {
            deadNodeJobsReleased(registry);
            outageJobsReleased(registry);
        });
        beatAndSweep();
        heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kis-job-executor-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.heartbeat().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beatAndSweep, every, every, TimeUnit.MILLISECONDS);
        log.info("Job executor lock owner {}: heartbeat every {}, presumed dead after {}", lockOwner,
                properties.heartbeat(), properties.presumedDeadAfter());
    }

    @Override
    public String name() {
        return lockOwner;
    }

    void beatAndSweep() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                beat(connection);
                connection.commit();
                List<String> forgotten = new ArrayList<>();
                int released = releaseDeadOwners(connection, forgotten);
                connection.commit();
                forgotten.forEach(this::announceDead);
                released += releaseOwnJobsLeftByAnOutage(connection);
                connection.commit();
                if (released > 0 && configuration.getJobExecutor() != null) {
                    configuration.getJobExecutor().jobWasAdded();
                }
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            // the database away for a moment: the next beat tries again; the others wait presumed-dead-after for us
            if (databaseLostAt == 0) {
                databaseLostAt = System.nanoTime();
            }
            log.warn("Job executor heartbeat of {} failed: {}", lockOwner, e.getMessage());
        }
    }

    /**
     * The first sweep runs while the engine is built, before any {@code @EventListener} is registered: what it
     * forgot (the process this one replaces after a crash, say) is announced once the application has started.
     */
    @EventListener(ContextRefreshedEvent.class)
    synchronized void announceForgottenAtStart() {
        started = true;
        forgottenBeforeStart.forEach(this::announceDead);
        forgottenBeforeStart.clear();
    }

    /** Not a failed beat when a listener fails: that would count as the database going away. */
    private synchronized void announceDead(String owner) {
        if (!started) {
            forgottenBeforeStart.add(owner);
            return;
        }
        try {
            events.publishEvent(new NodePresumedDead(owner));
        } catch (RuntimeException e) {
            log.warn("A listener could not give back what {} had claimed (its claims expire by themselves): {}",
                    owner, e.getMessage());
        }
    }

    private void beat(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE shared.job_executor_nodes SET seen_at = CURRENT_TIMESTAMP WHERE lock_owner = ?")) {
            update.setString(1, lockOwner);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shared.job_executor_nodes "
                + "(lock_owner, host, started_at, seen_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, lockOwner);
            insert.setString(2, host);
            insert.executeUpdate();
        }
    }

    /** Adds to {@code forgotten} the owners this process forgot (another replica may have swept them first). */
    private int releaseDeadOwners(Connection connection, List<String> forgotten) throws SQLException {
        OffsetDateTime deadBefore = databaseNow(connection).minus(properties.presumedDeadAfter());
        int released = 0;
        for (DeadOwner dead : deadOwners(connection, deadBefore)) {
            int jobs = releaseJobs(connection, dead.lockOwner());
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM shared.job_executor_nodes WHERE lock_owner = ? AND seen_at < ?")) {
                forget.setString(1, dead.lockOwner());
                forget.setObject(2, deadBefore);
                if (forget.executeUpdate() > 0) {
                    forgotten.add(dead.lockOwner());
                }
            }
            if (jobs > 0) {
                log.warn("Released {} jobs locked by job executor {}, last seen {}: it is presumed dead", jobs,
                        dead.lockOwner(), dead.seenAt());
                meters.ifAvailable(registry -> deadNodeJobsReleased(registry).increment(jobs));
            }
            released += jobs;
        }
        return released;
    }

    /**
     * The database went away while this process ran jobs: each one failed, and Camunda could not record the
     * failure either (that needs the database too), so the job stayed locked to this live process until its lock
     * expired, 5 minutes in which nothing ran it (an ERP import under way when PostgreSQL restarted waited so). Once
     * the beats work again, the jobs acquired before the first failed beat are given back: the database was
     * already away or about to go when that beat failed, so their transactions could not have committed. Jobs
     * acquired since the database came back expire later and are left alone. Had the beat failed only for want of
     * a free connection, a job still running then fails Camunda's optimistic lock when it ends and runs again
     * later: still once in the database, as with a presumed-dead owner. Lock times are Camunda's, written from
     * this JVM's clock, so that is the clock used here.
     */
    private int releaseOwnJobsLeftByAnOutage(Connection connection) throws SQLException {
        long lostAt = databaseLostAt;
        if (lostAt == 0 || configuration.getJobExecutor() == null) {
            return 0;
        }
        long acquiredBefore = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAt);
        long lockTime = configuration.getJobExecutor().getLockTimeInMillis();
        int jobs;
        try (PreparedStatement release = connection.prepareStatement("UPDATE " + tablePrefix() + "ACT_RU_JOB "
                + "SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?"
                + " AND LOCK_EXP_TIME_ < ?")) {
            release.setString(1, lockOwner);
            release.setTimestamp(2, new Timestamp(acquiredBefore + lockTime));
            jobs = release.executeUpdate();
        }
        databaseLostAt = 0;
        if (jobs > 0) {
            log.warn("Released {} jobs this process had acquired before the database went away", jobs);
            meters.ifAvailable(registry -> outageJobsReleased(registry).increment(jobs));
        }
        return jobs;
    }

    private int releaseJobs(Connection connection, String owner) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE " + tablePrefix() + "ACT_RU_JOB "
                + "SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?")) {
            release.setString(1, owner);
            return release.executeUpdate();
        }
    }

    private static List<DeadOwner> deadOwners(Connection connection, OffsetDateTime deadBefore) throws SQLException {
        List<DeadOwner> dead = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT lock_owner, seen_at FROM shared.job_executor_nodes WHERE seen_at < ?")) {
            query.setObject(1, deadBefore);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    dead.add(new DeadOwner(rows.getString(1), rows.getObject(2, OffsetDateTime.class)));
                }
            }
        }
        return dead;
    }

    private static OffsetDateTime databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class);
        }
    }

    private static Counter deadNodeJobsReleased(MeterRegistry registry) {
        return Counter.builder("kis.workflow.dead.node.jobs.released")
                .description("Jobs locked by a process presumed dead, given back by this one").register(registry);
    }

    private static Counter outageJobsReleased(MeterRegistry registry) {
        return Counter.builder("kis.workflow.outage.jobs.released")
                .description("Jobs this process had acquired before the database went away, given back").register(registry);
    }

    private String tablePrefix() {
        return configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    }

    /**
     * A graceful stop gives its locks back at once. Spring destroys the process engine first (it depends on this
     * plugin), so the job executor has finished its running jobs by now; what is still locked to us was acquired
     * and never started, and another node may take it without waiting for anything.
     */
    @Override
    public void destroy() throws InterruptedException {
        if (heartbeat == null) {
            return;
        }
        heartbeat.shutdownNow();
        heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        try (Connection connection = dataSource.getConnection()) {
            int released = releaseJobs(connection, lockOwner);
            try (PreparedStatement forget = connection.prepareStatement(
                    "DELETE FROM shared.job_executor_nodes WHERE lock_owner = ?")) {
                forget.setString(1, lockOwner);
                forget.executeUpdate();
            }
            log.info("Job executor {} stopped; {} jobs it had acquired given back", lockOwner, released);
        } catch (SQLException e) {
            // the database already away: the others sweep our row after presumed-dead-after
            log.warn("Job executor {} could not give back its jobs at stop: {}", lockOwner, e.getMessage());
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    private record DeadOwner(String lockOwner, OffsetDateTime seenAt) {
    }
}
