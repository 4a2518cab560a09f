package io.jenkins.plugins.databricksgit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.databricksgit.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private final MutableClock clock = new MutableClock();
    private final RetrySchedule schedule = new RetrySchedule(
            new LifecycleSettings(Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofMinutes(8), clock));

    @Test
    void theDelayDoublesPerFailureUpToTheMaximum() {
        assertThat(schedule.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(schedule.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(schedule.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(schedule.backoff(40)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void aFailedRemovalIsOwnedAndDueAfterItsBackoff() {
        schedule.failed("a", 2);

        assertThat(schedule.owns("a")).isTrue();
        assertThat(schedule.due(clock.instant())).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(schedule.due(clock.instant())).containsExactly("a");
    }

    @Test
    void dueRemovalsComeEarliestFirstAndOnlyOwnedOnesAreOwned() {
        schedule.later("restored");
        schedule.takeOver("handed-over");
        schedule.failed("failed", 1);
        clock.advance(Duration.ofMinutes(1));

        assertThat(schedule.due(clock.instant())).containsExactly("handed-over", "restored", "failed");
        assertThat(schedule.owns("restored")).isFalse();
        assertThat(schedule.owns("handed-over")).isTrue();
    }

    @Test
    void takingOverKeepsAnExistingDelayAndNowOverridesIt() {
        schedule.failed("a", 3);
        schedule.takeOver("a");
        assertThat(schedule.next("a")).isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));

        schedule.now("a");
        assertThat(schedule.due(clock.instant())).containsExactly("a");

        schedule.forget("a");
        assertThat(schedule.owns("a")).isFalse();
        assertThat(schedule.next("a")).isNull();
    }
}
